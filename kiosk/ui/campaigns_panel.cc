#include "ui/campaigns_panel.h"

#include <imgui.h>

#include "model/campaigns.h"
#include "ui/widgets.h"

namespace atrium::kiosk {
namespace {

const ImVec4 kMuted(0.45F, 0.45F, 0.45F, 1);

std::string Joined(const std::vector<std::string>& parts, const char* by) {
  std::string out;
  for (const std::string& p : parts) {
    if (p.empty()) continue;
    if (!out.empty()) out += by;
    out += p;
  }
  return out;
}

// "每月8日 · 周六、周日 · 2026-12-01 – 2026-12-31 · 22:00–02:00".
std::string WindowText(const TimeWindow& w, const LocalCalendar& calendar,
                       Language language) {
  const WindowParts p = DescribeWindow(w, calendar);
  const char* list = language == Language::kZh ? "、" : ", ";
  std::vector<std::string> parts;
  if (!p.month_days.empty()) {
    std::vector<std::string> days;
    for (int32_t d : p.month_days) days.push_back(std::to_string(d));
    parts.push_back(
        Word(language, "month_days", {{"days", Joined(days, list)}}));
  }
  std::vector<std::string> weekdays;
  for (int d : p.weekdays) {
    weekdays.emplace_back(
        Word(language, ("weekday_" + std::to_string(d)).c_str()));
  }
  parts.push_back(Joined(weekdays, list));
  if (!p.first_day.empty() || !p.last_day.empty()) {
    parts.push_back(p.first_day + " – " + p.last_day);
  }
  if (!p.start.empty()) parts.push_back(p.start + "–" + p.end);
  return Joined(parts, " · ");
}

void Heading(const Fonts& fonts, const char* text) {
  if (fonts.heading) ImGui::PushFont(fonts.heading);
  ImGui::TextUnformatted(text);
  if (fonts.heading) ImGui::PopFont();
}

}  // namespace

void DrawCampaigns(const std::vector<const EarningRule*>& rules,
                   const std::vector<const CouponTemplate*>& coupons,
                   const LocalCalendar& calendar, Language language,
                   const Fonts& fonts) {
  const float width = ImGui::GetContentRegionAvail().x;
  Heading(fonts, Word(language, "points_campaigns"));
  for (const EarningRule* r : rules) {
    ShownText(r->name);
    ImGui::SameLine(width * 0.7F);
    const int32_t tenths = r->multiplier_permille / 100;
    ImGui::Text(
        "%s",
        Word(
            language, "times",
            {{"n", std::to_string(tenths / 10) +
                       (tenths % 10 ? "." + std::to_string(tenths % 10) : "")}})
            .c_str());
    std::string detail = WindowText(r->window, calendar, language);
    for (const std::string& c : r->categories) {
      detail += (detail.empty() ? "" : " · ") +
                std::string(Word(language, c.c_str()));
    }
    ImGui::TextColored(kMuted, "%s", detail.c_str());
  }
  if (rules.empty()) ImGui::TextColored(kMuted, "%s", Word(language, "none"));
  ImGui::Separator();
  Heading(fonts, Word(language, "limited_coupons"));
  for (const CouponTemplate* t : coupons) {
    ShownText(t->name);
    ImGui::SameLine(width * 0.7F);
    if (t->total_stock > 0) {
      ImGui::TextUnformatted(
          Word(language, "limited_to", {{"n", std::to_string(t->total_stock)}})
              .c_str());
    }
  }
  if (coupons.empty()) ImGui::TextColored(kMuted, "%s", Word(language, "none"));
  ImGui::TextColored(kMuted, "%s", Word(language, "claim_at_member"));
}

}  // namespace atrium::kiosk
