// The mall folder's files the API serves as they are: the programme and the
// car parks (to operators, and to phones for their replicas) and the main
// mall's floor plan (to everyone), read once at start (codec/mall_files.h)
// with the programme the service runs.
#ifndef ATRIUM_SERVER_API_CATALOGUE_FILES_H_
#define ATRIUM_SERVER_API_CATALOGUE_FILES_H_

#include "api/context.h"
#include "atrium/codec/mall_files.h"

namespace atrium::server {

// Gives `ctx` the JSON of `files` and their floor plan.
void ServeCatalogueFiles(codec::MallFiles files, ApiContext& ctx);

}  // namespace atrium::server

#endif  // ATRIUM_SERVER_API_CATALOGUE_FILES_H_
