#include "atrium/map/store_directory.h"

#include <algorithm>

namespace atrium {
namespace {

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

std::string Spelled(const std::string& pinyin) {
  std::string out;
  for (const char c : pinyin) {
    if (c != ' ') out.push_back(c);
  }
  return out;
}

// 0: starts with the text; 1: contains it; 2: no match.
int Rank(const Store& s, const std::string& text) {
  if (text.empty()) return 0;
  const std::string en = Lower(s.name_en);
  if (s.Initials().starts_with(text) || Spelled(s.pinyin).starts_with(text) ||
      s.name.starts_with(text) || en.starts_with(text)) {
    return 0;
  }
  if (s.name.find(text) != std::string::npos ||
      en.find(text) != std::string::npos) {
    return 1;
  }
  return 2;
}

}  // namespace

StatusOr<std::vector<const Store*>> SearchStores(const Mall& mall,
                                                 const MallMap* map,
                                                 const StoreQuery& query) {
  if (query.text.size() > kMaxStoreQuery) {
    return InvalidArgument("a search is at most 64 bytes");
  }
  if (!query.floor.empty() && map == nullptr) {
    return InvalidArgument("this mall has no map to filter floors by");
  }
  const std::string text = Lower(query.text);
  std::vector<std::pair<int, const Store*>> found;
  for (const Store& s : mall.stores) {
    if (!query.category.empty() && s.category != query.category) continue;
    if (!query.floor.empty()) {
      const StoreUnit* unit = map->UnitOf(s.id);
      if (unit == nullptr || unit->floor != query.floor) continue;
    }
    const int rank = Rank(s, text);
    if (rank < 2) found.emplace_back(rank, &s);
  }
  std::stable_sort(
      found.begin(), found.end(),
      [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<const Store*> out;
  out.reserve(found.size());
  for (const auto& [rank, s] : found) out.push_back(s);
  return out;
}

}  // namespace atrium
