// The JSON form of a mall's floor plan (shared/formats/map.md): floors,
// store units, facilities, the walkable graph's nodes and edges, kiosks.
#ifndef ATRIUM_CODEC_MAP_JSON_H_
#define ATRIUM_CODEC_MAP_JSON_H_

#include "atrium/codec/json_reader.h"
#include "atrium/map/mall_map.h"

namespace atrium::codec {

// Decodes and validates a map; InvalidArgument names the bad field.
StatusOr<MallMap> MapFromJson(const Json& j);

}  // namespace atrium::codec

#endif  // ATRIUM_CODEC_MAP_JSON_H_
