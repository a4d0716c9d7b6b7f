// The mall folder's files the API serves as they are: the programme and the
// car parks (to operators, and to phones for their replicas) and the main
// mall's floor plan (to everyone), read once at start (codec/mall_files.h)
// with the programme the service runs.
#ifndef ATRIUM_SERVER_API_CATALOGUE_FILES_H_
#define ATRIUM_SERVER_API_CATALOGUE_FILES_H_

#include <optional>

#include "atrium/codec/mall_files.h"
#include "atrium/map/mall_map.h"

namespace atrium::server {

// The programme and car parks as configured (shared/formats/program.md,
// parking.md), shown to operators and given to phones, whose replicas
// start from them; the server runs the parsed form in the service's state.
// Later changes (update_program) reach replicas as operations. The main
// mall's floor plan (shared/formats/map.md), served as given, and its
// model for store search; absent when the demo has none.
struct Catalogue {
  codec::Json program_json;
  codec::Json parking_json = codec::Json::array();
  codec::Json map_json;
  std::optional<MallMap> mall_map;
};

// The catalogue of `files`.
Catalogue CatalogueOf(codec::MallFiles files);

}  // namespace atrium::server

#endif  // ATRIUM_SERVER_API_CATALOGUE_FILES_H_
