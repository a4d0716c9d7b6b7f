#include "ui/kiosk_screen.h"

#include <imgui.h>

#include "ui/widgets.h"

namespace atrium::kiosk {

KioskScreen::KioskScreen(std::string title, Guide* guide, MemberVisit* visit,
                         ParkingFlow* parking, const EarningPolicy& earning,
                         LocalCalendar calendar, Fonts fonts,
                         std::string app_url)
    : title_(std::move(title)), parking_(parking), fonts_(fonts) {
  if (parking != nullptr) {
    parking_screen_ =
        std::make_unique<ParkingScreen>(*parking, guide, calendar);
  } else if (guide != nullptr) {
    guide_screen_ = std::make_unique<GuideScreen>(*guide, visit, earning,
                                                  std::move(app_url));
  }
}

void KioskScreen::GoHome() {
  if (guide_screen_) guide_screen_->Reset();
  if (parking_) parking_->Reset();
  language_ = Language::kZh;
}

void KioskScreen::OnScannedText(const std::string& text) {
  if (parking_ && parking_->step() == ParkingFlow::Step::kQuote) {
    (void)parking_->Scanned(text);
  }
  if (guide_screen_) guide_screen_->OnScanned(text);
}

void KioskScreen::set_sync(const SyncState& s) {
  const bool changed = s.known != sync_.known || s.online != sync_.online ||
                       s.queued != sync_.queued || s.cursor != sync_.cursor;
  sync_ = s;
  if (changed && guide_screen_) guide_screen_->Refresh();
}

void KioskScreen::Draw(int64_t now_ms, Timestamp wall, bool touched) {
  BeginTargets();
  if (touched) idle_.Touch(now_ms);
  if (parking_ && parking_->step() == ParkingFlow::Step::kPayment &&
      now_ms >= next_poll_ms_) {
    (void)parking_->Poll();
    next_poll_ms_ = now_ms + 1000;
  }
  const IdleTimer::State state = idle_.At(now_ms);
  const bool idle = state != IdleTimer::State::kActive;
  if (idle && !was_idle_) GoHome();  // left alone: nothing stays for the next
  was_idle_ = idle;

  const ImGuiViewport* view = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(view->WorkPos);
  ImGui::SetNextWindowSize(view->WorkSize);
  ImGui::Begin("kiosk", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                   ImGuiWindowFlags_NoSavedSettings |
                   ImGuiWindowFlags_NoBringToFrontOnFocus);
  if (state == IdleTimer::State::kAttract) {
    if (fonts_.heading) ImGui::PushFont(fonts_.heading);
    const char* text = Word(language_, "attract");
    const ImVec2 size = ImGui::CalcTextSize(text);
    ImGui::SetCursorPos(ImVec2((view->WorkSize.x - size.x) / 2,
                               (view->WorkSize.y - size.y) / 2));
    ImGui::TextUnformatted(text);
    ImGui::TextUnformatted(title_.c_str());
    if (fonts_.heading) ImGui::PopFont();
    ImGui::End();
    return;
  }
  if (fonts_.heading) ImGui::PushFont(fonts_.heading);
  ImGui::TextUnformatted(title_.c_str());
  if (fonts_.heading) ImGui::PopFont();
  ImGui::SameLine(view->WorkSize.x * 0.6F);
  if (sync_.known) {
    ImGui::PushStyleColor(ImGuiCol_Text, sync_.online
                                             ? ImVec4(0.2F, 0.6F, 0.3F, 1)
                                             : ImVec4(0.8F, 0.4F, 0.1F, 1));
    ShownText(Word(language_, sync_.online ? "online" : "offline"));
    ImGui::PopStyleColor();
    ImGui::SameLine();
  }
  if (sync_.queued > 0) {
    ShownText(Word(language_, "queued", {{"n", std::to_string(sync_.queued)}}));
    ImGui::SameLine();
  }
  if (BigButton(Word(language_, "language"), ImVec2(160, 56))) {
    language_ = language_ == Language::kZh ? Language::kEn : Language::kZh;
  }
  ImGui::SameLine();
  if (BigButton(Word(language_, "home"), ImVec2(160, 56))) GoHome();
  ImGui::Separator();
  if (guide_screen_) guide_screen_->Draw(language_, fonts_, wall);
  if (parking_screen_) parking_screen_->Draw(language_, fonts_);
  ImGui::End();
}

}  // namespace atrium::kiosk
