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
        std::make_unique<ParkingScreen>(*parking, errand_, guide, calendar);
  } else if (guide != nullptr) {
    guide_screen_ = std::make_unique<GuideScreen>(*guide, visit, errand_,
                                                  earning, std::move(app_url));
  }
}

void KioskScreen::GoHome() {
  language_ = Language::kZh;
  if (busy()) {
    go_home_ = true;
    return;
  }
  if (guide_screen_) guide_screen_->Reset();
  if (parking_) parking_->Reset();
}

void KioskScreen::OnScannedText(const std::string& text) {
  scans_.push_back(text);
}

void KioskScreen::OnPlate(const std::string& plate) { plate_ = plate; }

void KioskScreen::CatchUp() {
  if (go_home_) {
    go_home_ = false;
    scans_.clear();  // the next shopper's screen starts clean
    plate_.clear();
    GoHome();
  }
  if (refresh_ && guide_screen_) guide_screen_->Refresh();
  refresh_ = false;
  if (parking_) {
    parking_offline_ = parking_->error().code() == StatusCode::kUnavailable;
  }
  if (!plate_.empty() && parking_) {
    (void)errand_.Start([&flow = *parking_, plate = std::exchange(plate_, "")] {
      (void)flow.EnterPlate(plate);
    });
    return;
  }
  if (scans_.empty()) return;
  std::string text = std::move(scans_.front());
  scans_.pop_front();
  if (guide_screen_) {
    guide_screen_->OnScanned(text);
  } else if (parking_ && parking_->step() == ParkingFlow::Step::kQuote) {
    (void)errand_.Start([&flow = *parking_, text = std::move(text)] {
      (void)flow.Scanned(text);
    });
  }
}

void KioskScreen::set_sync(const SyncState& s) {
  const bool changed = s.known != sync_.known || s.online != sync_.online ||
                       s.queued != sync_.queued || s.cursor != sync_.cursor;
  sync_ = s;
  // A parking kiosk also learns from its own calls whether the server
  // answered.
  if (parking_offline_) {
    sync_.known = true;
    sync_.online = false;
  }
  refresh_ = refresh_ || changed;
}

void KioskScreen::Draw(int64_t now_ms, Timestamp wall, bool touched) {
  BeginTargets();
  if (touched) idle_.Touch(now_ms);
  if (!busy()) CatchUp();
  if (!busy() && parking_ && parking_->step() == ParkingFlow::Step::kPayment &&
      now_ms >= next_poll_ms_) {
    (void)errand_.Start([&flow = *parking_] { (void)flow.Poll(); }, true);
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
