"""raytrace: a recursive ray tracer for spheres on a checkered floor.

Vector objects with methods, a Scene of Sphere and Plane objects behind one
interface (intersect / normal_at), surfaces with ambient, Lambert and
specular terms, shadow rays, and mirror reflections followed recursively to
depth 3. Float arithmetic in method calls, many short-lived objects.

Checks, without a stored image:
- the scene, the camera and the light are mirror-symmetric about x = 0 and
  IEEE arithmetic commutes with negation, so each row of the image must read
  the same from both ends, exactly;
- which object each primary ray hits first is computed a second way, from the
  distance between each sphere's centre and the ray's line, and the two maps
  must agree on all but a sliver of grazing pixels at sphere edges;
- the floor is checkered, and the image uses more than 100 distinct colours.
Later iterations must render exactly the image the first one verified.
"""
import math

from _harness import main, expect

WIDTH = 128
HEIGHT = 96
MAX_DEPTH = 3


class Vector:
    __slots__ = ('x', 'y', 'z')

    def __init__(self, x, y, z):
        self.x = x
        self.y = y
        self.z = z

    def dot(self, other):
        return self.x * other.x + self.y * other.y + self.z * other.z

    def magnitude(self):
        return math.sqrt(self.dot(self))

    def add(self, other):
        return Vector(self.x + other.x, self.y + other.y, self.z + other.z)

    def sub(self, other):
        return Vector(self.x - other.x, self.y - other.y, self.z - other.z)

    def scale(self, factor):
        return Vector(self.x * factor, self.y * factor, self.z * factor)

    def normalized(self):
        return self.scale(1.0 / self.magnitude())

    def reflect_through(self, normal):
        return self.sub(normal.scale(2.0 * self.dot(normal)))


BLACK = Vector(0.0, 0.0, 0.0)


class Ray:
    __slots__ = ('origin', 'direction')

    def __init__(self, origin, direction):
        self.origin = origin
        self.direction = direction.normalized()

    def point_at(self, t):
        return self.origin.add(self.direction.scale(t))


class Sphere:
    def __init__(self, name, centre, radius, surface):
        self.name = name
        self.centre = centre
        self.radius = radius
        self.surface = surface

    def intersect(self, ray):
        oc = ray.origin.sub(self.centre)
        b = oc.dot(ray.direction)
        disc = b * b - oc.dot(oc) + self.radius * self.radius
        if disc < 0.0:
            return None
        t = -b - math.sqrt(disc)
        return t if t > 1e-9 else None

    def normal_at(self, point):
        return point.sub(self.centre).normalized()


class Plane:
    def __init__(self, name, point, normal, surface):
        self.name = name
        self.point = point
        self.normal = normal.normalized()
        self.surface = surface

    def intersect(self, ray):
        along = ray.direction.dot(self.normal)
        if along >= 0.0:
            return None
        t = self.point.sub(ray.origin).dot(self.normal) / along
        return t if t > 1e-9 else None

    def normal_at(self, point):
        return self.normal


class Surface:
    def __init__(self, colour, ambient, lambert, specular):
        self.colour = colour
        self.ambient = ambient
        self.lambert = lambert
        self.specular = specular

    def colour_at(self, point):
        return self.colour

    def shade(self, scene, ray, point, normal, depth):
        base = self.colour_at(point)
        result = BLACK
        if self.specular > 0.0 and depth < MAX_DEPTH:
            reflected = Ray(point, ray.direction.reflect_through(normal))
            result = result.add(scene.trace(reflected, depth + 1).scale(self.specular))
        if self.lambert > 0.0:
            amount = 0.0
            for light in scene.lights:
                if scene.visible(point, light):
                    contribution = light.sub(point).normalized().dot(normal)
                    if contribution > 0.0:
                        amount += contribution
            amount = min(1.0, amount) * self.lambert
            result = result.add(base.scale(amount))
        return result.add(base.scale(self.ambient))


class CheckerSurface(Surface):
    """Alternating squares, symmetric about x = 0 (squares counted from it)."""

    def __init__(self, colour, other, ambient, lambert, specular):
        Surface.__init__(self, colour, ambient, lambert, specular)
        self.other = other

    def colour_at(self, point):
        if (int(abs(point.x)) + int(abs(point.z))) % 2:
            return self.other
        return self.colour


class Scene:
    def __init__(self):
        self.objects = []
        self.lights = []
        self.eye = Vector(0.0, 1.8, -10.0)
        self.sky = Vector(0.2, 0.3, 0.8)

    def nearest(self, ray):
        best, best_t = None, math.inf
        for obj in self.objects:
            t = obj.intersect(ray)
            if t is not None and t < best_t:
                best, best_t = obj, t
        return best, best_t

    def visible(self, point, light):
        to_light = light.sub(point)
        distance = to_light.magnitude()
        ray = Ray(point, to_light)
        for obj in self.objects:
            t = obj.intersect(ray)
            if t is not None and t < distance:
                return False
        return True

    def trace(self, ray, depth):
        obj, t = self.nearest(ray)
        if obj is None:
            return self.sky.scale(0.5 + 0.5 * max(0.0, ray.direction.y))
        point = ray.point_at(t)
        return obj.surface.shade(self, ray, point, obj.normal_at(point), depth)

    def primary_ray(self, x, y, width, height):
        # Integer numerators keep the columns x and width-1-x exactly mirrored.
        sx = (2 * x + 1 - width) / width * 0.5
        sy = (height - 1 - 2 * y) / width * 0.5
        return Ray(self.eye, Vector(sx, sy, 1.0))

    def render(self, width, height):
        image, hits = [], []
        for y in range(height):
            row, hit_row = [], []
            for x in range(width):
                ray = self.primary_ray(x, y, width, height)
                obj, t = self.nearest(ray)
                colour = self.trace(ray, 0)
                row.append((colour.x, colour.y, colour.z))
                hit_row.append(obj.name if obj is not None else 'sky')
            image.append(row)
            hits.append(hit_row)
        return image, hits


def build_scene():
    scene = Scene()
    shiny_red = Surface(Vector(0.9, 0.2, 0.2), 0.1, 0.6, 0.3)
    mirror = Surface(Vector(0.8, 0.8, 0.8), 0.05, 0.2, 0.7)
    matte_green = Surface(Vector(0.2, 0.8, 0.3), 0.2, 0.8, 0.0)
    floor = CheckerSurface(Vector(1.0, 1.0, 1.0), Vector(0.1, 0.1, 0.1), 0.1, 0.7, 0.2)
    scene.objects.append(Sphere('left', Vector(-1.6, 1.0, 1.0), 1.0, shiny_red))
    scene.objects.append(Sphere('right', Vector(1.6, 1.0, 1.0), 1.0, shiny_red))
    scene.objects.append(Sphere('middle', Vector(0.0, 0.7, -1.5), 0.7, mirror))
    scene.objects.append(Sphere('back', Vector(0.0, 3.0, 5.0), 2.0, matte_green))
    scene.objects.append(Plane('floor', Vector(0.0, 0.0, 0.0), Vector(0.0, 1.0, 0.0), floor))
    scene.lights.append(Vector(0.0, 8.0, -6.0))
    return scene


def run():
    scene = build_scene()
    image, hits = scene.render(WIDTH, HEIGHT)
    return scene, image, hits


def first_hit_by_geometry(scene, ray):
    """The nearest sphere whose centre lies within its radius of the ray's line."""
    d = ray.direction
    best, best_along = None, math.inf
    for obj in scene.objects:
        if isinstance(obj, Sphere):
            to_centre = obj.centre.sub(ray.origin)
            along = to_centre.dot(d)
            closest = ray.origin.add(d.scale(along))
            if along > 0.0 and closest.sub(obj.centre).magnitude() <= obj.radius:
                front = along - math.sqrt(obj.radius ** 2 - closest.sub(obj.centre).dot(
                    closest.sub(obj.centre)))
                if front < best_along:
                    best, best_along = obj.name, front
    if best is not None:
        return best
    return 'floor' if d.y < 0.0 else 'sky'


VERIFIED = []


def check(result):
    scene, image, hits = result
    if VERIFIED:
        expect((image, hits) == VERIFIED[0], 'this iteration rendered a different image')
        return
    for y, row in enumerate(image):
        for x in range(WIDTH // 2):
            expect(row[x] == row[WIDTH - 1 - x], 'pixel (%d, %d) %r differs from its mirror %r',
                   x, y, row[x], row[WIDTH - 1 - x])
    mismatches = 0
    names = set()
    for y in range(HEIGHT):
        for x in range(WIDTH):
            ray = scene.primary_ray(x, y, WIDTH, HEIGHT)
            if first_hit_by_geometry(scene, ray) != hits[y][x]:
                mismatches += 1
            names.add(hits[y][x])
    expect(mismatches <= WIDTH * HEIGHT // 200, '%d pixels hit a different object than the '
           'geometry says', mismatches)
    expect(names == {'left', 'right', 'middle', 'back', 'floor', 'sky'}, 'objects seen: %r', names)
    colours = set(c for row in image for c in row)
    expect(len(colours) > 100, 'only %d distinct colours', len(colours))
    floor = [image[HEIGHT - 1][x] for x in range(WIDTH)]
    expect(max(c[0] for c in floor) > 2 * min(c[0] for c in floor), 'the floor is not checkered')
    VERIFIED.append((image, hits))


if __name__ == '__main__':
    main('raytrace', run, check)
