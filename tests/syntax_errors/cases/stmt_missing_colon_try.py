try
    pass
except: pass
