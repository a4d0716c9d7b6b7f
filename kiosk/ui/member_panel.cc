#include "ui/member_panel.h"

#include <imgui.h>

#include "ui/widgets.h"

namespace atrium::kiosk {
namespace {

const ImVec4 kMuted(0.45F, 0.45F, 0.45F, 1);
const ImVec4 kGood(0.2F, 0.6F, 0.3F, 1);
const ImVec4 kWaiting(0.8F, 0.5F, 0.1F, 1);
const ImVec4 kBad(0.8F, 0.2F, 0.2F, 1);

void DrawOffer(MemberVisit& visit, Errand& errand, const Offer& o,
               Language language, float width) {
  ImGui::PushID(o.id.value().c_str());
  ImGui::TextUnformatted(o.name.c_str());
  ImGui::SameLine(width * 0.55F);
  if (o.points_price > 0) {
    ImGui::Text("%s", Word(language, "points_price",
                           {{"n", std::to_string(o.points_price)}})
                          .c_str());
  } else {
    ImGui::TextColored(kMuted, "%s", Word(language, "free"));
  }
  ImGui::SameLine(width * 0.75F);
  if (o.can.ok()) {
    // The coupon's name in the label: a script taps "兑换 · 拿铁券".
    const std::string label =
        std::string(Word(language, o.points_price > 0 ? "exchange" : "claim")) +
        " · " + o.name;
    ImGui::PushStyleVar(ImGuiStyleVar_ButtonTextAlign, ImVec2(0, 0.5F));
    if (BigButton((label + "##take").c_str(), ImVec2(width * 0.25F, 64))) {
      (void)errand.Start([&visit, offer = o.id] { (void)visit.Take(offer); });
    }
    ImGui::PopStyleVar();
  } else {
    ImGui::TextColored(kMuted, "%s", WhyNot(language, o.can).c_str());
  }
  ImGui::PopID();
}

std::pair<ImVec4, std::string> TakenLine(const MemberVisit::Taken& t,
                                         Language language) {
  switch (t.outcome.state) {
    case Outcome::State::kDone: return {kGood, Word(language, "taken_done")};
    case Outcome::State::kQueued:
      return {kWaiting, Word(language, "taken_queued")};
    case Outcome::State::kRefused:
      return {kBad, Word(language, "error", {{"why", t.outcome.why}})};
  }
  return {kBad, ""};
}

}  // namespace

std::string WhyNot(Language language, const Status& s) {
  switch (s.code()) {
    case StatusCode::kUnavailable: return Word(language, "why_offline");
    case StatusCode::kResourceExhausted: return Word(language, "why_none_left");
    case StatusCode::kPermissionDenied:
      return Word(language, "why_not_for_you");
    default:
      // The core's reasons are English: in Chinese, the gist.
      return language == Language::kZh ? Word(language, "why_not_now")
                                       : s.message();
  }
}

std::string WhyNotSignedIn(Language language, const Status& s) {
  switch (s.code()) {
    case StatusCode::kUnavailable: return Word(language, "why_offline");
    case StatusCode::kFailedPrecondition: return Word(language, "code_stale");
    case StatusCode::kInvalidArgument: return Word(language, "code_unknown");
    default:
      return language == Language::kZh ? Word(language, "why_not_now")
                                       : s.message();
  }
}

void DrawMemberPanel(MemberVisit& visit, Errand& errand, Language language,
                     const Fonts& fonts) {
  const float width = ImGui::GetContentRegionAvail().x;
  if (errand.busy()) {  // the visit is the errand's until it is back
    if (fonts.heading) ImGui::PushFont(fonts.heading);
    ShownText(Word(language, "working"));
    if (fonts.heading) ImGui::PopFont();
    return;
  }
  const KioskMember* m = visit.member();
  if (m == nullptr) {
    if (fonts.heading) ImGui::PushFont(fonts.heading);
    ImGui::TextUnformatted(Word(language, "scan_to_sign_in"));
    if (fonts.heading) ImGui::PopFont();
    ImGui::TextColored(kMuted, "%s", Word(language, "sign_in_hint"));
  } else {
    if (fonts.heading) ImGui::PushFont(fonts.heading);
    ImGui::Text("%s  %s", m->phone.c_str(), m->tier.c_str());
    if (fonts.heading) ImGui::PopFont();
    ImGui::SameLine(width * 0.55F);
    ShownText(Word(language, "points_usable",
                   {{"n", std::to_string(m->usable_points)}}));
    ImGui::SameLine(width * 0.8F);
    if (BigButton(Word(language, "sign_out"), ImVec2(width * 0.2F, 64))) {
      visit.SignOut();
      return;
    }
    ImGui::Separator();
    for (const Offer& o : visit.offers()) {
      DrawOffer(visit, errand, o, language, width);
    }
    ImGui::Separator();
    for (const MemberVisit::Taken& t : visit.taken()) {
      const auto& [color, line] = TakenLine(t, language);
      ImGui::PushStyleColor(ImGuiCol_Text, color);
      ShownText(t.name + "  " + line);
      ImGui::PopStyleColor();
    }
  }
  if (!visit.error().ok()) {
    ImGui::PushStyleColor(ImGuiCol_Text, kBad);
    ShownText(Word(
        language, "error",
        {{"why", visit.scan_failed() ? WhyNotSignedIn(language, visit.error())
                                     : WhyNot(language, visit.error())}}));
    ImGui::PopStyleColor();
  }
}

}  // namespace atrium::kiosk
