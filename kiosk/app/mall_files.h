// What atrium-kiosk reads of its mall from the demo folder (or a mall's
// own): the programme, the floor plan, and the names of its coupons (for
// the font's glyphs).
#ifndef ATRIUM_KIOSK_APP_MALL_FILES_H_
#define ATRIUM_KIOSK_APP_MALL_FILES_H_

#include <optional>
#include <string>
#include <vector>

#include "atrium/mall_map.h"
#include "atrium/program.h"
#include "atrium/status.h"

namespace atrium::kiosk {

struct MallFiles {
  Program program;
  std::optional<MallMap> map;
  std::vector<std::string> coupon_names;
};

// program.json and map.json must read and validate; coupons.json may be
// absent.
StatusOr<MallFiles> LoadMall(const std::string& dir);

}  // namespace atrium::kiosk

#endif  // ATRIUM_KIOSK_APP_MALL_FILES_H_
