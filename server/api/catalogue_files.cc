#include "api/catalogue_files.h"

namespace atrium::server {

Catalogue CatalogueOf(codec::MallFiles files) {
  Catalogue c;
  c.program_json = std::move(files.program_json);
  if (files.parking_json) c.parking_json = std::move(*files.parking_json);
  if (files.map_json) c.map_json = std::move(*files.map_json);
  c.mall_map = std::move(files.map);
  return c;
}

}  // namespace atrium::server
