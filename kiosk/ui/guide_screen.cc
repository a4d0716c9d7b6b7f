#include "ui/guide_screen.h"

#include <algorithm>
#include <cctype>
#include <cfloat>

#include "model/campaigns.h"
#include "ui/campaigns_panel.h"
#include "ui/member_panel.h"
#include "ui/qr_view.h"
#include "ui/widgets.h"

namespace atrium::kiosk {
namespace {

constexpr ImU32 kFloorFill = IM_COL32(245, 240, 232, 255);
constexpr ImU32 kUnitFill = IM_COL32(220, 210, 200, 255);
constexpr ImU32 kChosenFill = IM_COL32(192, 57, 43, 255);
constexpr ImU32 kRouteLine = IM_COL32(30, 110, 220, 255);
constexpr ImU32 kHere = IM_COL32(46, 160, 67, 255);
constexpr ImU32 kInk = IM_COL32(60, 60, 60, 255);

const char* Named(Language l, const std::string& zh, const std::string& en) {
  return l == Language::kEn && !en.empty() ? en.c_str() : zh.c_str();
}

}  // namespace

GuideScreen::GuideScreen(Guide& guide, MemberVisit* visit, Errand& errand,
                         const EarningPolicy& earning, std::string app_url)
    : guide_(guide),
      visit_(visit),
      errand_(errand),
      earning_(earning),
      app_url_(std::move(app_url)),
      keyboard_(KeyboardLayout::kSearch, 16) {
  Reset();
}

void GuideScreen::Reset() {
  if (visit_ != nullptr) visit_->SignOut();
  tab_ = Tab::kDirectory;
  keyboard_.Clear();
  category_.clear();
  error_.clear();
  guide_.ClearSelection();
  floor_shown_ = guide_.here().floor;
  Search();
}

void GuideScreen::Search() {
  std::string text = keyboard_.text();
  std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) {
    return static_cast<char>(std::tolower(c));
  });
  const Status s = guide_.Search({text, category_, ""});
  error_ = s.ok() ? "" : s.message();
}

void GuideScreen::OnScanned(const std::string& code) {
  if (visit_ == nullptr) return;
  // The panel shows how it went.
  (void)errand_.Start([&visit = *visit_, code] { (void)visit.SignIn(code); });
  tab_ = Tab::kMember;
}

void GuideScreen::Refresh() {
  if (visit_ != nullptr) visit_->Refresh();
}

void GuideScreen::Draw(Language language, const Fonts& fonts, Timestamp now) {
  if (Chip(Word(language, "tab_directory"), tab_ == Tab::kDirectory)) {
    tab_ = Tab::kDirectory;
  }
  if (visit_ != nullptr) {
    ImGui::SameLine();
    if (Chip(Word(language, "tab_member"), tab_ == Tab::kMember)) {
      tab_ = Tab::kMember;
    }
  }
  ImGui::SameLine();
  if (Chip(Word(language, "tab_campaigns"), tab_ == Tab::kCampaigns)) {
    tab_ = Tab::kCampaigns;
  }
  if (tab_ == Tab::kMember && visit_ != nullptr) {
    ImGui::BeginChild("member", ImVec2(0, 0), true);
    DrawMemberPanel(*visit_, errand_, language, fonts);
    ImGui::EndChild();
    return;
  }
  if (tab_ == Tab::kCampaigns) {
    const std::vector<CouponTemplate> templates =
        visit_ != nullptr ? visit_->Coupons() : std::vector<CouponTemplate>{};
    ImGui::BeginChild("campaigns", ImVec2(0, 0), true);
    DrawCampaigns(PointsCampaigns(earning_, guide_.mall().id, now),
                  LimitedCoupons(templates, guide_.mall().id, now),
                  guide_.mall().calendar, language, fonts);
    ImGui::EndChild();
    return;
  }
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  const float left = avail.x * 0.38F;
  ImGui::BeginChild("directory", ImVec2(left, avail.y), true);
  DrawDirectory(language, left - 2 * ImGui::GetStyle().WindowPadding.x);
  ImGui::EndChild();
  ImGui::SameLine();
  ImGui::BeginChild("plan", ImVec2(0, avail.y), true);
  const ImVec2 plan = ImGui::GetContentRegionAvail();
  DrawRoute(language, fonts, ImVec2(plan.x, plan.y * 0.28F));
  DrawMap(language, fonts);
  ImGui::EndChild();
}

void GuideScreen::DrawDirectory(Language language, float width) {
  ImGui::TextUnformatted(Word(language, "search"));
  ImGui::Text("> %s", keyboard_.text().c_str());
  if (KeyboardView(keyboard_, width, 56)) Search();
  // Categories, in the order the mall lists its stores.
  std::vector<std::string> categories;
  for (const Store& s : guide_.mall().stores) {
    if (std::find(categories.begin(), categories.end(), s.category) ==
        categories.end()) {
      categories.push_back(s.category);
    }
  }
  if (Chip(Word(language, "all"), category_.empty())) {
    category_.clear();
    Search();
  }
  for (const std::string& c : categories) {
    ImGui::SameLine();
    if (ImGui::GetContentRegionAvail().x < 140) ImGui::NewLine();
    if (Chip((std::string(Word(language, c.c_str())) + "##" + c).c_str(),
             c == category_)) {
      category_ = c;
      Search();
    }
  }
  if (!error_.empty())
    ImGui::TextColored(ImVec4(0.8F, 0.2F, 0.2F, 1), "%s", error_.c_str());
  ImGui::BeginChild("stores");
  const StoreRow* chosen = guide_.selected();
  for (const StoreRow& row : guide_.results()) {
    const std::string label =
        std::string(Named(language, row.store->name, row.store->name_en)) +
        "    " + (row.unit ? row.unit->unit : "") + "##" +
        row.store->id.value();
    const bool is_chosen = chosen && chosen->store == row.store;
    if (ImGui::Selectable(label.c_str(), is_chosen, 0, ImVec2(0, 56))) {
      const Status s = guide_.Select(row.store->id);
      error_ = s.ok() ? "" : s.message();
      floor_shown_ = guide_.here().floor;
    }
    RecordTarget(Named(language, row.store->name, row.store->name_en));
  }
  ImGui::EndChild();
}

void GuideScreen::DrawRoute(Language language, const Fonts& fonts,
                            ImVec2 size) {
  ImGui::BeginChild("route", size);
  const StoreRow* chosen = guide_.selected();
  if (chosen == nullptr) {
    ImGui::TextUnformatted(Word(language, "choose_store"));
    if (!app_url_.empty()) {
      ImGui::SameLine(size.x * 0.55F);
      ImGui::BeginGroup();
      ImGui::TextUnformatted(Word(language, "scan_app"));
      QrView(app_url_, 6.0F);
      ImGui::EndGroup();
    }
    ImGui::EndChild();
    return;
  }
  if (fonts.heading) ImGui::PushFont(fonts.heading);
  ImGui::TextUnformatted(
      Named(language, chosen->store->name, chosen->store->name_en));
  if (fonts.heading) ImGui::PopFont();
  for (const RouteLeg& leg : guide_.Legs()) {
    const std::string walk = Word(
        language, "walk", {{"m", std::to_string(leg.walk_decimetres / 10)}});
    std::string line = leg.floor + "  " + walk;
    if (!leg.then.empty()) {
      line += " → " + Word(language, leg.then == "lift" ? "lift" : "escalator",
                           {{"floor", leg.to_floor}});
    }
    if (Chip((line + "##" + leg.floor).c_str(), leg.floor == floor_shown_)) {
      floor_shown_ = leg.floor;
    }
  }
  ImGui::EndChild();
}

void GuideScreen::DrawMap(Language language, const Fonts& fonts) {
  const MallMap::Parts& parts = guide_.map().parts();
  // Floor tabs, top floor first.
  std::vector<const MapFloor*> floors;
  for (const MapFloor& f : parts.floors) floors.push_back(&f);
  std::sort(
      floors.begin(), floors.end(),
      [](const MapFloor* a, const MapFloor* b) { return a->level > b->level; });
  for (size_t i = 0; i < floors.size(); ++i) {
    if (i > 0) ImGui::SameLine();
    if (Chip(floors[i]->id.c_str(), floors[i]->id == floor_shown_)) {
      floor_shown_ = floors[i]->id;
    }
  }
  const MapFloor* floor = nullptr;
  for (const MapFloor* f : floors) {
    if (f->id == floor_shown_) floor = f;
  }
  if (floor == nullptr || floor->outline.empty()) return;

  const ImVec2 origin = ImGui::GetCursorScreenPos();
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  int32_t max_x = 1;
  int32_t max_y = 1;
  for (const MapPoint& p : floor->outline) {
    max_x = std::max(max_x, p.x);
    max_y = std::max(max_y, p.y);
  }
  const float scale = std::min(avail.x / static_cast<float>(max_x),
                               avail.y / static_cast<float>(max_y));
  // North up: the plan's y grows upwards, the screen's downwards.
  auto at = [&](MapPoint p) {
    return ImVec2(origin.x + static_cast<float>(p.x) * scale,
                  origin.y + static_cast<float>(max_y - p.y) * scale);
  };
  ImDrawList* draw = ImGui::GetWindowDrawList();
  std::vector<ImVec2> outline;
  for (const MapPoint& p : floor->outline) outline.push_back(at(p));
  draw->AddConvexPolyFilled(outline.data(), static_cast<int>(outline.size()),
                            kFloorFill);
  const StoreRow* chosen = guide_.selected();
  for (const StoreUnit& u : parts.units) {
    if (u.floor != floor->id) continue;
    std::vector<ImVec2> poly;
    for (const MapPoint& p : u.polygon) poly.push_back(at(p));
    const bool is_chosen = chosen && chosen->unit == &u;
    draw->AddConvexPolyFilled(poly.data(), static_cast<int>(poly.size()),
                              is_chosen ? kChosenFill : kUnitFill);
    draw->AddPolyline(poly.data(), static_cast<int>(poly.size()), kInk,
                      ImDrawFlags_Closed, 1.0F);
    // The store's name where it fits in its unit.
    const Store* store = nullptr;
    for (const Store& s : guide_.mall().stores) {
      if (s.id == u.store) store = &s;
    }
    ImFont* font = fonts.body ? fonts.body : ImGui::GetFont();
    const float label_size = 20.0F;
    if (store != nullptr && poly.size() >= 3) {
      ImVec2 lo = poly[0];
      ImVec2 hi = poly[0];
      for (const ImVec2& p : poly) {
        lo = ImVec2(std::min(lo.x, p.x), std::min(lo.y, p.y));
        hi = ImVec2(std::max(hi.x, p.x), std::max(hi.y, p.y));
      }
      const char* name = Named(language, store->name, store->name_en);
      const ImVec2 text = font->CalcTextSizeA(label_size, FLT_MAX, 0, name);
      if (text.x < hi.x - lo.x - 4 && text.y < hi.y - lo.y) {
        draw->AddText(
            font, label_size,
            ImVec2((lo.x + hi.x - text.x) / 2, (lo.y + hi.y - text.y) / 2),
            is_chosen ? IM_COL32_WHITE : kInk, name);
      }
    }
  }
  // The walk on this floor, and where it starts.
  if (const auto& route = guide_.route()) {
    std::vector<ImVec2> line;
    for (const MapNode* n : route->nodes) {
      if (n->floor == floor->id) {
        line.push_back(at(n->at));
      } else if (line.size() > 1) {
        break;
      }
    }
    if (line.size() > 1) {
      draw->AddPolyline(line.data(), static_cast<int>(line.size()), kRouteLine,
                        0, 6.0F);
    }
  }
  if (guide_.here().floor == floor->id) {
    draw->AddCircleFilled(at(guide_.here().at), 14.0F, kHere);
  }
  ImGui::Dummy(ImVec2(static_cast<float>(max_x) * scale,
                      static_cast<float>(max_y) * scale));
}

}  // namespace atrium::kiosk
