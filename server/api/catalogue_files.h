// The demo folder's files the API serves as they are: the programme and the
// car parks (to operators, and to phones for their replicas) and the main
// mall's floor plan (to everyone), read once at start and checked.
#ifndef ATRIUM_SERVER_API_CATALOGUE_FILES_H_
#define ATRIUM_SERVER_API_CATALOGUE_FILES_H_

#include <string>

#include "api/context.h"

namespace atrium::server {

// Reads `dir`/program.json and, if present, `dir`/parking.json and
// `dir`/map.json into `ctx`; InvalidArgument if one is malformed.
Status LoadCatalogueFiles(const std::string& dir, ApiContext& ctx);

}  // namespace atrium::server

#endif  // ATRIUM_SERVER_API_CATALOGUE_FILES_H_
