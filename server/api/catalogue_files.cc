#include "api/catalogue_files.h"

namespace atrium::server {

void ServeCatalogueFiles(codec::MallFiles files, ApiContext& ctx) {
  ctx.program_json = std::move(files.program_json);
  if (files.parking_json) ctx.parking_json = std::move(*files.parking_json);
  if (files.map_json) ctx.map_json = std::move(*files.map_json);
  ctx.mall_map = std::move(files.map);
}

}  // namespace atrium::server
