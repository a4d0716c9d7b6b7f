#!/usr/bin/env python3
"""Writes shared/demo-mall/map.json: the main mall's floor plan.

Each retail floor is a 120 m x 60 m box with one east-west corridor down
the middle and a row of units on either side; lifts at both ends, an
escalator in the middle, toilets and a nursing room near the east lifts.
B2 is the car park, reached by the lifts, with its zones. The layout
(which store is where, and how wide) is the table below; everything else
(polygons, doors, the walkable graph) follows from it. Coordinates are
integer decimetres, x east, y north. Run it again after editing the table:
    python3 tools/demo/make_map.py
"""
import json
import os

ROOT = os.path.join(os.path.dirname(__file__), '..', '..')
OUT = os.path.join(ROOT, 'shared', 'demo-mall', 'map.json')

W, H = 1200, 600          # floor, dm
CORRIDOR_Y = 300          # centre line of the corridor
NORTH = (340, 560)        # unit rows, y from..to
SOUTH = (40, 260)
ROW_X = (60, 1140)        # units fill this span
WALL = 2                  # between units

# Per floor: (north row, south row), each [(store id, width share)].
LAYOUT = {
    'B1': ([('s-119', 3), ('s-150', 1), ('s-151', 1), ('s-152', 1),
            ('s-158', 1)],
           [('s-102', 1), ('s-155', 1), ('s-156', 1), ('s-159', 1),
            ('s-123', 1), ('s-145', 1), ('s-163', 2)]),
    '1F': ([('s-109', 2), ('s-101', 1), ('s-105', 2), ('s-106', 1),
            ('s-107', 1), ('s-125', 1), ('s-126', 1)],
           [('s-124', 1), ('s-127', 1), ('s-128', 1), ('s-116', 1),
            ('s-117', 1), ('s-147', 1), ('s-148', 1), ('s-149', 1),
            ('s-120', 2)]),
    '2F': ([('s-108', 2), ('s-110', 1), ('s-129', 2), ('s-130', 1),
            ('s-131', 1), ('s-132', 1), ('s-133', 1), ('s-134', 1),
            ('s-135', 1)],
           [('s-136', 1), ('s-111', 2), ('s-137', 2), ('s-112', 1),
            ('s-138', 1), ('s-139', 1), ('s-140', 1), ('s-141', 1),
            ('s-113', 2)]),
    '3F': ([('s-118', 3), ('s-103', 2), ('s-104', 1), ('s-153', 1),
            ('s-154', 1), ('s-157', 1), ('s-114', 1), ('s-115', 1)],
           [('s-142', 2), ('s-143', 1), ('s-144', 1), ('s-146', 2),
            ('s-121', 1), ('s-160', 1), ('s-161', 1), ('s-122', 1),
            ('s-162', 1), ('s-164', 1)]),
}
FLOORS = [('B2', '停车场', 'Car park', -2, 'parking'),
          ('B1', '美食超市', 'Food & Supermarket', -1, 'retail'),
          ('1F', '美妆珠宝', 'Beauty & Jewellery', 1, 'retail'),
          ('2F', '服饰运动', 'Fashion & Sports', 2, 'retail'),
          ('3F', '亲子餐饮影院', 'Kids, Dining & Cinema', 3, 'retail')]
LIFT_X = {'w': 30, 'e': 1170}
ESCALATOR_X = 600
LIFT_COST = 300       # dm-equivalent of a lift ride per floor, with waiting
ESCALATOR_COST = 150  # per floor
KIOSKS = [('kiosk-xinjie-1f', '1F', 640, 'south'),
          ('kiosk-xinjie-b2', 'B2', 60, None)]


def rect(x0, y0, x1, y1):
    return [[x0, y0], [x1, y0], [x1, y1], [x0, y1]]


def main():
    nodes, edges, stores, facilities, kiosks = [], [], [], [], []
    floors = []
    for fid, name, name_en, level, kind in FLOORS:
        floors.append({'id': fid, 'name': name, 'name_en': name_en,
                       'level': level, 'kind': kind,
                       'outline': rect(0, 0, W, H)})
        # Points along the corridor, west to east; walk edges join them.
        line = {LIFT_X['w']: f'{fid}-lift-w', LIFT_X['e']: f'{fid}-lift-e'}
        if kind == 'retail':
            line[ESCALATOR_X] = f'{fid}-escalator'
            line[1080] = f'{fid}-toilets'
            for row, (y0, y1), door_y, side in (
                    (LAYOUT[fid][0], NORTH, NORTH[0], 'N'),
                    (LAYOUT[fid][1], SOUTH, SOUTH[1], 'S')):
                shares = sum(w for _, w in row)
                x = ROW_X[0]
                for i, (store, share) in enumerate(row):
                    width = (ROW_X[1] - ROW_X[0]) * share // shares
                    x1 = x + width if i < len(row) - 1 else ROW_X[1]
                    door_x = (x + x1) // 2
                    while door_x in line:  # doors facing each other
                        door_x += 10
                    node = f'{fid}-{side}{i + 1:02d}'
                    line[door_x] = node
                    stores.append({'store_id': store, 'floor': fid,
                                   'unit': node,
                                   'polygon': rect(x + WALL, y0, x1 - WALL,
                                                   y1),
                                   'door': [door_x, door_y], 'node': node})
                    x = x1
            facilities += [
                {'id': f'{fid}-escalator', 'kind': 'escalator', 'floor': fid,
                 'node': f'{fid}-escalator', 'name': '扶梯',
                 'name_en': 'Escalators'},
                {'id': f'{fid}-toilets', 'kind': 'toilets', 'floor': fid,
                 'node': f'{fid}-toilets', 'name': '洗手间',
                 'name_en': 'Toilets'},
            ]
            if fid in ('1F', '3F'):
                facilities.append(
                    {'id': f'{fid}-nursing', 'kind': 'nursing_room',
                     'floor': fid, 'node': f'{fid}-toilets',
                     'name': '母婴室', 'name_en': 'Nursing room'})
        else:
            for i, zone in enumerate('ABCD'):
                zx = 180 + i * 280
                line[zx] = f'{fid}-zone-{zone}'
                facilities.append(
                    {'id': f'{fid}-zone-{zone}', 'kind': 'parking_zone',
                     'floor': fid, 'node': f'{fid}-zone-{zone}',
                     'name': f'{zone}区', 'name_en': f'Zone {zone}'})
        for k in ('w', 'e'):
            facilities.append(
                {'id': f'{fid}-lift-{k}', 'kind': 'lift', 'floor': fid,
                 'node': f'{fid}-lift-{k}',
                 'name': '西侧电梯' if k == 'w' else '东侧电梯',
                 'name_en': 'West lifts' if k == 'w' else 'East lifts'})
        for fk, ffl, kx, _ in KIOSKS:
            if ffl == fid:
                line[kx] = f'{fid}-kiosk'
                kiosks.append({'device_id': fk, 'node': f'{fid}-kiosk'})
        ordered = sorted(line.items())
        for x, node in ordered:
            nodes.append({'id': node, 'floor': fid, 'x': x, 'y': CORRIDOR_Y})
        for (_, a), (_, b) in zip(ordered, ordered[1:]):
            edges.append({'from': a, 'to': b, 'kind': 'walk'})
    facilities += [
        {'id': 'B1-parking-entrance', 'kind': 'parking_entrance',
         'floor': 'B1', 'node': 'B1-lift-w', 'name': '停车场入口',
         'name_en': 'Car park entrance'},
        {'id': '1F-service-desk', 'kind': 'service_desk', 'floor': '1F',
         'node': next(s['node'] for s in stores if s['store_id'] == 's-124'),
         'name': '服务台', 'name_en': 'Service desk'},
    ]
    levels = [f[0] for f in FLOORS]
    for a, b in zip(levels, levels[1:]):
        for k in ('w', 'e'):
            edges.append({'from': f'{a}-lift-{k}', 'to': f'{b}-lift-{k}',
                          'kind': 'lift', 'cost': LIFT_COST})
        if a != 'B2':
            edges.append({'from': f'{a}-escalator', 'to': f'{b}-escalator',
                          'kind': 'escalator', 'cost': ESCALATOR_COST})
    out = {'_note': 'Generated by tools/demo/make_map.py: edit its table, '
                    'not this file. Coordinates in decimetres.',
           'mall_id': 'm-xinjie', 'floors': floors, 'stores': stores,
           'facilities': facilities, 'nodes': nodes, 'edges': edges,
           'kiosks': kiosks}
    with open(OUT, 'w', encoding='utf-8') as f:
        f.write(json.dumps(out, ensure_ascii=False, separators=(',', ':'))
                .replace('},{', '},\n{').replace(':[{', ':[\n{'))
        f.write('\n')
    print(f'{OUT}: {len(stores)} stores, {len(nodes)} nodes, '
          f'{len(edges)} edges')


if __name__ == '__main__':
    main()
