// SimProvider: the payment simulator's HTTP API, shaped like the mobile
// payment APIs malls use (WeChat Pay v3's JSAPI/H5/Native orders, query,
// close, refund), so that atriumd talks to it exactly as to a real one.
//
//   POST /v3/pay/transactions            {out_trade_no, amount_fen,
//        description, notify_url, return_url?, time_expire (unix s),
//        agreement?} -> {out_trade_no, trade_state, h5_url, code_url}
//   GET  /v3/pay/transactions/{no}       -> {out_trade_no, trade_state,
//        amount_fen, transaction_id?, success_time?}
//   POST /v3/pay/transactions/{no}/close -> 204; 400 ORDERPAID
//   POST /v3/refund/domestic/refunds     {out_trade_no, out_refund_no,
//        amount_fen} -> {refund_id, status: "SUCCESS"}
// Each signed by the merchant (pay_signature.h); 401 otherwise.
//
// The payer's side: GET /h5/{no} is the cashier page a phone opens (from
// the app, or by scanning a kiosk's QR code, which holds the same URL);
// POST /h5/{no}/pay pays and returns to the merchant's return_url.
// Test controls (the simulator only): POST /sim/faults {notify: none |
// drop | duplicate | delay, delay_ms?}; POST /sim/agreements/{id}/decline;
// POST /sim/pay/{no} pays as the page would.
#ifndef ATRIUM_TOOLS_PAYSIM_SIM_PROVIDER_H_
#define ATRIUM_TOOLS_PAYSIM_SIM_PROVIDER_H_

#include <functional>
#include <mutex>
#include <string>

#include "atrium/net/message.h"
#include "notifier.h"
#include "sim_ledger.h"

namespace atrium::paysim {

class SimProvider {
 public:
  // `public_url`: where payers reach this simulator ("http://host:port").
  SimProvider(std::string key, std::string public_url,
              std::function<int64_t()> clock);

  void Handle(const net::Request& req, const net::Respond& respond);

 private:
  net::Response CreateOrder(const net::Request& req);
  net::Response QueryOrder(const std::string& no);
  net::Response CloseOrder(const std::string& no);
  net::Response RefundOrder(const net::Request& req);
  net::Response CashierPage(const std::string& no);
  net::Response PayByPage(const std::string& no, bool redirect);
  net::Response SetFaults(const net::Request& req);
  // Notifies the merchant of `o`'s outcome (under mu_).
  void Notify(const SimOrder& o);

  std::string key_;
  std::string public_url_;
  std::function<int64_t()> clock_;
  Notifier notifier_;
  std::mutex mu_;
  SimLedger ledger_;  // under mu_
};

}  // namespace atrium::paysim

#endif  // ATRIUM_TOOLS_PAYSIM_SIM_PROVIDER_H_
