#include "ui/parking_screen.h"

#include <imgui.h>

#include "atrium/parking/parking_quote.h"
#include "ui/qr_view.h"
#include "ui/widgets.h"

namespace atrium::kiosk {
namespace {

void Heading(const Fonts& fonts, const std::string& text) {
  if (fonts.heading) ImGui::PushFont(fonts.heading);
  ImGui::TextUnformatted(text.c_str());
  if (fonts.heading) ImGui::PopFont();
}

// A row of a fee: its name on the left, the amount on the right.
void FeeRow(const std::string& name, const std::string& amount) {
  ImGui::TextUnformatted(name.c_str());
  ImGui::SameLine(ImGui::GetContentRegionAvail().x * 0.6F);
  ImGui::TextUnformatted(amount.c_str());
}

std::string Yuan(Money m) { return m.ToString(); }  // "¥12.00"

}  // namespace

void ParkingScreen::Run(std::function<void(ParkingFlow&)> call) {
  (void)errand_.Start([&flow = flow_, call = std::move(call)] { call(flow); });
}

void ParkingScreen::Draw(Language language, const Fonts& fonts) {
  if (errand_.quiet()) {
    DrawPayment(language, fonts);
    return;
  }
  if (errand_.busy()) {
    if (fonts.heading) ImGui::PushFont(fonts.heading);
    ShownText(Word(language, "working"));
    if (fonts.heading) ImGui::PopFont();
    return;
  }
  if (cancel_asked_) {
    cancel_asked_ = false;
    flow_.CancelPayment();
  }
  if (flow_.step() == ParkingFlow::Step::kPayment &&
      shown_payment_.order_no != flow_.payment()->order_no) {
    shown_plate_ = flow_.plate();
    shown_payment_ = *flow_.payment();
  }
  switch (flow_.step()) {
    case ParkingFlow::Step::kPlate: DrawPlate(language, fonts); break;
    case ParkingFlow::Step::kQuote: DrawQuote(language, fonts); break;
    case ParkingFlow::Step::kPayment: DrawPayment(language, fonts); break;
    case ParkingFlow::Step::kReceipt: DrawReceipt(language, fonts); break;
    case ParkingFlow::Step::kCar: DrawCar(language, fonts); break;
  }
  if (!flow_.error().ok()) {
    // Fees and payments need the server (the gates' records, the payment
    // provider): offline, the kiosk says where to pay instead.
    const StatusCode code = flow_.error().code();
    std::string why = code == StatusCode::kUnavailable
                          ? std::string(Word(language, "parking_offline"))
                          : flow_.error().message();
    if (flow_.proof_failed() && code == StatusCode::kAlreadyExists) {
      why = Word(language, "plate_held");
    } else if (flow_.proof_failed() && code != StatusCode::kUnavailable) {
      why = Word(language, "ticket_wrong");
    }
    ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.8F, 0.2F, 0.2F, 1));
    ShownText(Word(language, "error", {{"why", why}}));
    ImGui::PopStyleColor();
  }
}

void ParkingScreen::DrawPlate(Language language, const Fonts& fonts) {
  Heading(fonts, Word(language, "enter_plate"));
  Heading(fonts,
          flow_.keyboard().text().empty() ? "_" : flow_.keyboard().text());
  const float width = ImGui::GetContentRegionAvail().x;
  KeyboardView(flow_.keyboard(), width, 88);
  if (BigButton(Word(language, "query_fee"), ImVec2(width, 96))) {
    Run([](ParkingFlow& f) { (void)f.EnterPlate(); });
  }
  if (BigButton(Word(language, "find_car"), ImVec2(width, 72))) {
    Run([](ParkingFlow& f) { (void)f.FindCar(); });
  }
}

void ParkingScreen::DrawCar(Language language, const Fonts& fonts) {
  Heading(fonts, flow_.plate());
  if (flow_.bay().empty()) {
    ShownText(Word(language, "bay_unknown"));
  } else {
    // The walk from this kiosk; the plan's names in the screen's language.
    const CarPlace place = guide_ ? guide_->WalkToBay(flow_.bay())
                                  : CarPlace{flow_.bay(), "", nullptr, nullptr};
    auto named = [&](const Facility& f) {
      return language == Language::kEn && !f.name_en.empty() ? f.name_en
                                                             : f.name;
    };
    std::string where = Word(language, "bay", {{"bay", place.bay}});
    if (place.zone != nullptr) {
      where = place.floor + " · " + named(*place.zone) + " · " + where;
    }
    if (fonts.heading) ImGui::PushFont(fonts.heading);
    ShownText(Word(language, "car_at", {{"where", where}}));
    if (fonts.heading) ImGui::PopFont();
    if (place.lift != nullptr) {
      ShownText(Word(language, "nearest_lift", {{"lift", named(*place.lift)}}));
    }
    if (guide_ != nullptr) {
      for (const RouteLeg& leg : guide_->Legs()) {
        std::string line =
            leg.floor + "  " +
            Word(language, "walk",
                 {{"m", std::to_string(leg.walk_decimetres / 10)}});
        if (!leg.then.empty()) {
          line +=
              " → " + Word(language, leg.then == "lift" ? "lift" : "escalator",
                           {{"floor", leg.to_floor}});
        }
        ShownText(line);
      }
    }
  }
  const float width = ImGui::GetContentRegionAvail().x;
  if (BigButton(Word(language, "done"), ImVec2(width, 96))) flow_.Reset();
}

void ParkingScreen::DrawQuote(Language language, const Fonts& fonts) {
  const ParkingQuote& q = *flow_.quote();
  Heading(fonts, flow_.plate());
  FeeRow(Word(language, "entered"), calendar_.FormatLocal(q.entry));
  FeeRow(Word(language, "parked"),
         Word(language, "duration",
              {{"h", std::to_string(q.parked_seconds / 3600)},
               {"m", std::to_string(q.parked_seconds / 60 % 60)}}));
  FeeRow(Word(language, "gross"), Yuan(q.gross));
  for (const QuoteLine& line : q.lines) {
    const std::string kind(BenefitKindName(line.kind));
    FeeRow(std::string(Word(language, kind.c_str())) +
               (line.minutes ? " " + std::to_string(line.minutes) + "'" : ""),
           "-" + Yuan(line.off));
  }
  if (!q.paid_before.is_zero()) {
    FeeRow(Word(language, "paid_before"), "-" + Yuan(q.paid_before));
  }
  ImGui::Separator();
  if (fonts.heading) ImGui::PushFont(fonts.heading);
  FeeRow(Word(language, "due"), Yuan(q.due));
  if (fonts.heading) ImGui::PopFont();
  ImGui::Separator();

  if (const KioskMember* m = flow_.member()) {
    ImGui::Text("%s  %s  %s", Word(language, "member"), m->phone.c_str(),
                m->tier.c_str());
    bool use = flow_.using_points();
    const std::string label =
        Word(language, "use_points", {{"n", std::to_string(m->usable_points)}});
    if (m->usable_points > 0) {
      if (ImGui::Checkbox(label.c_str(), &use)) {
        Run([use](ParkingFlow& f) { (void)f.UsePoints(use); });
      }
      RecordTarget(label.c_str());
    }
    ImGui::TextUnformatted(
        Word(language, flow_.plate_proven() ? "plate_proven" : "scan_ticket"));
  } else {
    ImGui::TextUnformatted(Word(language, "scan_member"));
  }
  const float width = ImGui::GetContentRegionAvail().x;
  if (q.due.is_zero() && (q.lines.empty() || !q.paid_before.is_zero())) {
    // Free time, or paid: nothing to do but leave in time.
    Heading(fonts, Word(language, "exit_by",
                        {{"time", calendar_.FormatLocal(q.exit_by)}}));
    if (BigButton(Word(language, "done"), ImVec2(width, 96))) flow_.Reset();
    return;
  }
  const std::string pay =
      q.due.is_zero() ? std::string(Word(language, "leave_free"))
                      : std::string(Word(language, "pay")) + " " + Yuan(q.due);
  if (BigButton(pay.c_str(), ImVec2(width, 96))) {
    Run([](ParkingFlow& f) { (void)f.Pay(); });
  }
  if (BigButton(Word(language, "back"), ImVec2(width, 72))) flow_.Reset();
}

void ParkingScreen::DrawPayment(Language language, const Fonts& fonts) {
  const PendingPayment& p = shown_payment_;
  Heading(fonts, shown_plate_);
  Heading(fonts, Word(language, "scan_to_pay", {{"amount", Yuan(p.amount)}}));
  QrView(p.code_url, 8.0F);
  ImGui::TextWrapped("%s", Word(language, "payment_waits"));
  const float width = ImGui::GetContentRegionAvail().x;
  if (BigButton(Word(language, "back"), ImVec2(width, 72))) {
    cancel_asked_ = true;  // once the errand asking after it is back
  }
}

void ParkingScreen::DrawReceipt(Language language, const Fonts& fonts) {
  const ParkingReceipt& r = *flow_.receipt();
  Heading(fonts, std::string(Word(language, "paid")) + "  " + Yuan(r.paid));
  Heading(fonts, Word(language, "exit_by",
                      {{"time", calendar_.FormatLocal(r.exit_by)}}));
  const float width = ImGui::GetContentRegionAvail().x;
  if (BigButton(Word(language, "done"), ImVec2(width, 96))) flow_.Reset();
}

}  // namespace atrium::kiosk
