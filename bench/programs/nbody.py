"""n-body: the Computer Language Benchmarks Game's Jovian planets simulation.

The Sun, Jupiter, Saturn, Uranus and Neptune, integrated with the symplectic
Euler step of the Benchmarks Game (dt = 0.01, masses and velocities in solar
masses and AU/day * 365.24). Bodies are lists of floats, pairs are
precomputed, the inner loop is float arithmetic on list elements.

One iteration: reset the system, offset the Sun's momentum, advance STEPS
steps. Check: the energy printed with nine decimals is -0.169075164 at start
and -0.169087605 after 1000 steps (the Benchmarks Game's published output for
n = 1000), and the energy after all STEPS steps is conserved to 1e-3 (relative; it oscillates by about 2e-4).
"""
from _harness import main, expect

STEPS = 25000
PUBLISHED_STEPS = 1000

PI = 3.14159265358979323
SOLAR_MASS = 4 * PI * PI
DAYS_PER_YEAR = 365.24


def initial_system():
    def body(x, y, z, vx, vy, vz, mass):
        return ([x, y, z], [vx * DAYS_PER_YEAR, vy * DAYS_PER_YEAR, vz * DAYS_PER_YEAR],
                mass * SOLAR_MASS)
    sun = ([0.0, 0.0, 0.0], [0.0, 0.0, 0.0], SOLAR_MASS)
    jupiter = body(4.84143144246472090e+00, -1.16032004402742839e+00, -1.03622044471123109e-01,
                   1.66007664274403694e-03, 7.69901118419740425e-03, -6.90460016972063023e-05,
                   9.54791938424326609e-04)
    saturn = body(8.34336671824457987e+00, 4.12479856412430479e+00, -4.03523417114321381e-01,
                  -2.76742510726862411e-03, 4.99852801234917238e-03, 2.30417297573763929e-05,
                  2.85885980666130812e-04)
    uranus = body(1.28943695621391310e+01, -1.51111514016986312e+01, -2.23307578892655734e-01,
                  2.96460137564761618e-03, 2.37847173959480950e-03, -2.96589568540237556e-05,
                  4.36624404335156298e-05)
    neptune = body(1.53796971148509165e+01, -2.59193146099879641e+01, 1.79258772950371181e-01,
                   2.68067772490389322e-03, 1.62824170038242295e-03, -9.51592254519715870e-05,
                   5.15138902046611451e-05)
    return [sun, jupiter, saturn, uranus, neptune]


def all_pairs(bodies):
    pairs = []
    for i in range(len(bodies)):
        for j in range(i + 1, len(bodies)):
            pairs.append((bodies[i], bodies[j]))
    return pairs


def offset_momentum(bodies):
    px = py = pz = 0.0
    for (r, v, m) in bodies:
        px -= v[0] * m
        py -= v[1] * m
        pz -= v[2] * m
    v = bodies[0][1]
    v[0] = px / SOLAR_MASS
    v[1] = py / SOLAR_MASS
    v[2] = pz / SOLAR_MASS


def energy(bodies, pairs):
    e = 0.0
    for (([x1, y1, z1], v1, m1), ([x2, y2, z2], v2, m2)) in pairs:
        dx = x1 - x2
        dy = y1 - y2
        dz = z1 - z2
        e -= (m1 * m2) / ((dx * dx + dy * dy + dz * dz) ** 0.5)
    for (r, [vx, vy, vz], m) in bodies:
        e += m * (vx * vx + vy * vy + vz * vz) / 2.0
    return e


def advance(bodies, pairs, dt, steps):
    for _ in range(steps):
        for (([x1, y1, z1], v1, m1), ([x2, y2, z2], v2, m2)) in pairs:
            dx = x1 - x2
            dy = y1 - y2
            dz = z1 - z2
            mag = dt * ((dx * dx + dy * dy + dz * dz) ** -1.5)
            b1m = m1 * mag
            b2m = m2 * mag
            v1[0] -= dx * b2m
            v1[1] -= dy * b2m
            v1[2] -= dz * b2m
            v2[0] += dx * b1m
            v2[1] += dy * b1m
            v2[2] += dz * b1m
        for (r, [vx, vy, vz], m) in bodies:
            r[0] += dt * vx
            r[1] += dt * vy
            r[2] += dt * vz


def run():
    bodies = initial_system()
    pairs = all_pairs(bodies)
    offset_momentum(bodies)
    e0 = energy(bodies, pairs)
    advance(bodies, pairs, 0.01, PUBLISHED_STEPS)
    e1 = energy(bodies, pairs)
    advance(bodies, pairs, 0.01, STEPS - PUBLISHED_STEPS)
    e2 = energy(bodies, pairs)
    return e0, e1, e2


def check(result):
    e0, e1, e2 = result
    expect('%.9f' % e0 == '-0.169075164', 'initial energy %.9f, want -0.169075164', e0)
    expect('%.9f' % e1 == '-0.169087605', 'energy after 1000 steps %.9f, want -0.169087605', e1)
    expect(abs(e2 - e0) < 1e-3 * abs(e0), 'energy drifted from %.9f to %.9f', e0, e2)


if __name__ == '__main__':
    main('nbody', run, check)
