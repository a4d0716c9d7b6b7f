// atriumctl parking-quote: a stay's fee with every member benefit applied,
// priced by the mall's tariff in force at entry (or a draft tariff given
// with --tariff), so operators can try tariffs and benefits before they go
// live.
#include "atrium/codec/mall_files.h"
#include "atrium/codec/parking_json.h"
#include "cli.h"

namespace atrium::cli {
namespace {

StatusOr<codec::Json> Quote(const Flags& flags) {
  const std::string& dir = flags.data;
  StatusOr<Program> program = codec::LoadProgramFile(dir + "/program.json");
  if (!program.ok()) return program.status();
  StatusOr<codec::Json> parking_json =
      codec::ReadJsonFile(dir + "/parking.json");
  if (!parking_json.ok()) return parking_json.status();
  StatusOr<std::vector<codec::MallParking>> parking =
      codec::ParkingFileFromJson(*parking_json);
  if (!parking.ok()) return parking.status();

  StatusOr<codec::Json> input = ReadInput(flags);
  if (!input.ok()) return input.status();
  StatusOr<codec::QuoteRequest> req = codec::QuoteRequestFromJson(*input);
  if (!req.ok()) return req.status();

  const Mall* mall = program->group.FindMall(req->mall);
  const codec::MallParking* lot = nullptr;
  for (const codec::MallParking& m : *parking) {
    if (m.mall == req->mall) lot = &m;
  }
  if (mall == nullptr || lot == nullptr) {
    return NotFound("no car park at mall " + req->mall.value());
  }

  Tariff draft;
  const Tariff* tariff = nullptr;
  if (!flags.tariff.empty()) {
    StatusOr<codec::Json> j = codec::ReadJsonFile(flags.tariff);
    if (!j.ok()) return j.status();
    StatusOr<Tariff> t = codec::TariffFromJson(*j);
    if (!t.ok()) return t.status();
    if (t->mall != req->mall) {
      return InvalidArgument("the tariff is for mall " + t->mall.value() +
                             ", the stay at " + req->mall.value());
    }
    draft = std::move(*t);
    tariff = &draft;
  } else {
    StatusOr<const Tariff*> in_force =
        lot->schedule.InForceAt(lot->tariff, req->stay.entry);
    if (!in_force.ok()) return in_force.status();
    tariff = *in_force;
  }
  StatusOr<ParkingQuote> q =
      QuoteStay(req->stay, *tariff, mall->calendar, lot->policy,
                req->member ? &*req->member : nullptr, req->usage, req->at);
  if (!q.ok()) return q.status();
  codec::Json out = codec::QuoteToJson(*q);
  out["plate"] = req->stay.plate.Masked();
  return out;
}

}  // namespace

int ParkingQuoteCommand(const Flags& flags) {
  StatusOr<codec::Json> out = Quote(flags);
  return out.ok() ? PrintJson(*out) : Fail(out.status());
}

}  // namespace atrium::cli
