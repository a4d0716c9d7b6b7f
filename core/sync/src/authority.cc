#include "atrium/sync/authority.h"

#include <vector>

#include "apply_internal.h"
#include "registry.h"

namespace atrium::sync {
namespace {

using registry::K;
using registry::Roles;

const codec::Json* Field(const codec::Json& j, std::string_view key) {
  if (!j.is_object()) return nullptr;
  const auto it = j.find(key);
  return it == j.end() ? nullptr : &*it;
}

std::optional<std::string> StrField(const codec::Json& j,
                                    std::string_view key) {
  const codec::Json* v = Field(j, key);
  if (v == nullptr || !v->is_string()) return std::nullopt;
  return v->get<std::string>();
}

// An earn names its member, mall and store inside its receipt.
const codec::Json& Subject(const Operation& op) {
  if (op.type == "earn") {
    if (const codec::Json* receipt = Field(op.payload, "receipt")) {
      return *receipt;
    }
  }
  return op.payload;
}

const CouponTemplate* TemplateOf(const GroupState& state, const Operation& op) {
  const std::optional<std::string> id = StrField(op.payload, "template_id");
  if (!id) return nullptr;
  for (const auto& [mall, book] : state.coupons) {
    if (const CouponTemplate* t = book.FindTemplate(TemplateId(*id))) return t;
  }
  return nullptr;
}

// The mall an operation acts in: the one it names, or its coupon's or
// coupon template's.
std::optional<MallId> MallOf(const GroupState& state, const Operation& op) {
  if (auto mall = StrField(Subject(op), "mall_id")) return MallId(*mall);
  if (const CouponTemplate* t = TemplateOf(state, op)) return t->mall;
  if (auto coupon = StrField(op.payload, "coupon_id")) {
    for (const auto& [mall, book] : state.coupons) {
      if (book.Find(CouponId(*coupon)) != nullptr) return mall;
    }
  }
  return std::nullopt;
}

Status Denied(std::string message) {
  return PermissionDenied(std::move(message));
}

Status CheckMember(const Operation& op, const Sender& sender) {
  const std::optional<std::string> member = StrField(Subject(op), "member_id");
  if (!member) return Status::Ok();
  switch (sender.kind) {
    case K::kMember:
      if (*member != sender.id) {
        return Denied("a member may act only for themselves");
      }
      return Status::Ok();
    case K::kTill:
      if (!sender.present || !sender.present(MemberId(*member))) {
        return Denied(
            "scan the member's code at this till first (a scan lasts a few "
            "minutes)");
      }
      return Status::Ok();
    case K::kKiosk: {
      const MemberId m(*member);
      const bool escrowed = StrField(op.payload, "escrow_id").has_value();
      if ((sender.present && sender.present(m)) ||
          (escrowed && sender.served && sender.served(m))) {
        return Status::Ok();
      }
      return Denied("the member signs in at this kiosk first");
    }
    case K::kGate: return Denied("a gate acts for no member");
    case K::kOperator:
    case K::kSystem: return Status::Ok();
    case K::kAnonymous: return Denied("sign in first");
  }
  return Denied("unknown sender");
}

bool IsDevice(SenderKind k) {
  return k == K::kTill || k == K::kKiosk || k == K::kGate;
}

Status CheckStore(const GroupState& state, const StoreId& store,
                  const Sender& sender) {
  if (sender.store && store != *sender.store) {
    return Denied("a till acts only for its own store");
  }
  const Mall* mall = state.program.group.FindMall(sender.mall);
  if (mall == nullptr || mall->FindStore(store) == nullptr) {
    return Denied("no such store in this till's mall");
  }
  return Status::Ok();
}

Status CheckPlace(const GroupState& state, const Operation& op,
                  const Sender& sender) {
  if (!IsDevice(sender.kind)) return Status::Ok();
  if (std::optional<MallId> mall = MallOf(state, op);
      mall && *mall != sender.mall) {
    return Denied("a device acts only in its own mall");
  }
  if (sender.kind != K::kTill) return Status::Ok();
  if (auto store = StrField(Subject(op), "store_id")) {
    return CheckStore(state, StoreId(*store), sender);
  }
  return Status::Ok();
}

}  // namespace

// Cards and open ids are linked where the card is (a till) or by the
// payment provider (the server); a plate by its member.
Status registry::CheckIdentity(const GroupState&, const Operation& op,
                               const Sender& sender) {
  const codec::Json* identity = Field(op.payload, "identity");
  const std::optional<std::string> kind =
      identity == nullptr ? std::nullopt : StrField(*identity, "kind");
  if (!kind) return Status::Ok();  // Apply names the missing field
  const bool plate = *kind == "plate";
  if (sender.kind == K::kSystem) return Status::Ok();
  if (plate && sender.kind != K::kMember) {
    return Denied("a plate is bound by its member");
  }
  if (!plate && sender.kind != K::kTill) {
    return Denied("a card or open id is linked at a till, where it is shown");
  }
  return Status::Ok();
}

// A plate is proven by the stay's ticket at a kiosk, or by the vehicle
// licence at the service desk (an operator).
Status registry::CheckPlateProof(const GroupState&, const Operation& op,
                                 const Sender& sender) {
  const std::optional<std::string> proof = StrField(op.payload, "proof");
  if (sender.kind == K::kKiosk && proof != "ticket") {
    return Denied("a kiosk proves a plate by the stay's ticket");
  }
  if (sender.kind == K::kOperator && proof != "licence") {
    return Denied("the service desk proves a plate by the vehicle licence");
  }
  return Status::Ok();
}

// A member pays only for a stay of a plate proven theirs; money only
// through a payment order, which the provider's confirmation settles.
Status registry::CheckParkPay(const GroupState& state, const Operation& op,
                              const Sender& sender) {
  const codec::Json* due = Field(op.payload, "due_fen");
  if (op.type == "park_pay" && sender.kind != K::kSystem && due != nullptr &&
      due->is_number_integer() && due->get<int64_t>() > 0) {
    return Denied(
        "a fee is paid through the payment provider: open a payment order");
  }
  // A standing agreement is charged by the server, at the exit gate.
  if (op.type == "open_payment" && sender.kind != K::kSystem &&
      StrField(op.payload, "payer") == "auto_pay") {
    return Denied("auto-pay is charged at the exit gate");
  }
  if (sender.kind != K::kMember) return Status::Ok();
  const codec::Json* plate = Field(op.payload, "plate");
  const std::optional<std::string> hash =
      plate == nullptr ? std::nullopt : StrField(*plate, "value");
  if (!hash) return Status::Ok();  // Apply names the missing field
  const auto owner = state.identity_owner.find("plate:" + *hash);
  if (owner == state.identity_owner.end() ||
      owner->second.value() != sender.id) {
    return Denied(
        "pay at a kiosk, or prove the plate yours first (the entry ticket at "
        "a kiosk, the vehicle licence at the service desk)");
  }
  return Status::Ok();
}

// A till refunds receipts of its own store.
Status registry::CheckRefund(const GroupState& state, const Operation& op,
                             const Sender& sender) {
  if (sender.kind != K::kTill || !sender.store) return Status::Ok();
  const auto mall = StrField(op.payload, "mall_id");
  const auto receipt = StrField(op.payload, "receipt_id");
  if (!mall || !receipt) return Status::Ok();
  const std::string key = Receipt::KeyOf(MallId(*mall), ReceiptId(*receipt));
  const auto owner = state.receipt_owner.find(key);
  if (owner == state.receipt_owner.end()) return Status::Ok();
  const ReceiptRecord* record =
      state.accounts.at(owner->second).FindReceipt(key);
  if (record != nullptr && record->receipt.store != *sender.store) {
    return Denied("a till refunds receipts of its own store");
  }
  return Status::Ok();
}

Status registry::CheckOwnEscrow(const GroupState& state, const Operation& op,
                                const Sender& sender) {
  if (sender.kind != K::kKiosk) return Status::Ok();
  const auto id = StrField(op.payload, "escrow_id");
  const auto it = id ? state.escrows.find(*id) : state.escrows.end();
  if (it != state.escrows.end() && it->second.grant().device != sender.id) {
    return Denied("the escrow belongs to another device");
  }
  return Status::Ok();
}

namespace {

std::optional<OperatorRole> ParseRole(std::string_view name) {
  if (name == "admin") return OperatorRole::kAdmin;
  if (name == "marketing") return OperatorRole::kMarketing;
  if (name == "finance") return OperatorRole::kFinance;
  return std::nullopt;
}

}  // namespace

std::string_view SenderKindName(SenderKind k) {
  switch (k) {
    case K::kMember: return "member";
    case K::kTill: return "till";
    case K::kKiosk: return "kiosk";
    case K::kGate: return "gate";
    case K::kOperator: return "operator";
    case K::kSystem: return "system";
    case K::kAnonymous: return "anonymous caller";
  }
  return "unknown";
}

Origin Sender::OwnOrigin() const {
  switch (kind) {
    case K::kMember: return {OriginKind::kMember, id};
    case K::kOperator: return {OriginKind::kOperator, id};
    case K::kSystem:
      return {OriginKind::kOperator, std::string(kSystemOperator)};
    case K::kTill:
    case K::kKiosk:
    case K::kGate: return {OriginKind::kDevice, id};
    case K::kAnonymous: return {};
  }
  return {};
}

Sender SystemSender() {
  Sender s;
  s.kind = SenderKind::kSystem;
  s.id = std::string(kSystemOperator);
  s.via_api = true;
  return s;
}

std::span<const OpPolicy> OperationPolicies() {
  static const std::vector<OpPolicy> kAll = [] {
    std::vector<OpPolicy> all;
    for (std::span<const OpPolicy> domain :
         {registry::MemberOps(), registry::IdentityOps(), registry::PointsOps(),
          registry::CouponOps(), registry::EscrowOps(), registry::ParkingOps(),
          registry::PlateOps(), registry::PaymentOps(), registry::ProgramOps(),
          registry::DayJobOps()}) {
      all.insert(all.end(), domain.begin(), domain.end());
    }
    return all;
  }();
  return kAll;
}

const OpPolicy* PolicyFor(std::string_view type) {
  for (const OpPolicy& p : OperationPolicies()) {
    if (p.type == type) return &p;
  }
  return nullptr;
}

bool Allows(const OpPolicy& p, SenderKind k) {
  return (p.senders & Senders({k})) != 0;
}

Status Authorize(const GroupState& state, const Operation& op,
                 const Sender& sender) {
  const OpPolicy* policy = PolicyFor(op.type);
  if (policy == nullptr) return Denied("no one may send " + op.type);
  if (!Allows(*policy, sender.kind)) {
    return Denied(op.type + " is not for a " +
                  std::string(SenderKindName(sender.kind)));
  }
  if (sender.kind == K::kOperator) {
    const std::optional<OperatorRole> role = ParseRole(sender.role);
    if (!role || (policy->roles & Roles({*role})) == 0) {
      return Denied("your role may not do this");
    }
  }
  // A client's ids start with its origin, so none can take another's or
  // one the server will give (shared/formats/operation.md).
  if (!sender.via_api && (!(op.origin == sender.OwnOrigin()) ||
                          !op.id.starts_with(op.origin.ToString() + ":"))) {
    return Denied("a client sends only its own operations, under its own ids");
  }
  ATRIUM_RETURN_IF_ERROR(CheckMember(op, sender));
  ATRIUM_RETURN_IF_ERROR(CheckPlace(state, op, sender));
  if (policy->check != nullptr) {
    ATRIUM_RETURN_IF_ERROR(policy->check(state, op, sender));
  }
  return Status::Ok();
}

}  // namespace atrium::sync
