#include "ui/words.h"

#include <algorithm>
#include <array>

namespace atrium::kiosk {
namespace {

struct Entry {
  std::string_view key;
  const char* zh;
  const char* en;
};

constexpr std::array kWords = {
    Entry{"attract", "欢迎光临 · 触摸屏幕开始", "Welcome · touch to start"},
    Entry{"online", "在线", "Online"},
    Entry{"offline", "离线", "Offline"},
    Entry{"language", "English", "中文"},
    Entry{"home", "首页", "Home"},
    Entry{"directory", "商户导览", "Store directory"},
    Entry{"search", "搜索：店名拼音首字母", "Search: pinyin initials"},
    Entry{"all", "全部", "All"},
    Entry{"you_are_here", "您在这里", "You are here"},
    Entry{"route", "路线", "Route"},
    Entry{"walk", "步行 {m} 米", "Walk {m} m"},
    Entry{"lift", "乘电梯到 {floor}", "Take the lift to {floor}"},
    Entry{"escalator", "乘扶梯到 {floor}", "Take the escalator to {floor}"},
    Entry{"arrive", "到达 {store}", "Arrive at {store}"},
    Entry{"scan_app", "手机扫码，打开会员中心", "Scan to open the member app"},
    Entry{"choose_store", "请选择商户查看路线",
          "Choose a store for the way there"},
    Entry{"parking", "停车缴费", "Parking payment"},
    Entry{"enter_plate", "请输入车牌号", "Enter your plate"},
    Entry{"query_fee", "查询费用", "Show the fee"},
    Entry{"entered", "入场时间", "Entered"},
    Entry{"parked", "停车时长", "Parked"},
    Entry{"duration", "{h} 小时 {m} 分", "{h} h {m} min"},
    Entry{"gross", "停车费", "Fee"},
    Entry{"paid_before", "已付", "Paid before"},
    Entry{"due", "应付", "To pay"},
    Entry{"tier_minutes", "会员等级免费", "Tier free time"},
    Entry{"spend_minutes", "当日消费减免", "Today's spend"},
    Entry{"coupon_minutes", "停车券", "Parking coupon"},
    Entry{"coupon_amount", "停车券", "Parking coupon"},
    Entry{"points_minutes", "积分抵扣", "Points"},
    Entry{"scan_member", "会员请扫描会员码享受优惠",
          "Members: scan your member code for benefits"},
    Entry{"member", "会员", "Member"},
    Entry{"scan_ticket", "您的车？扫描入场小票，确认后可在手机上查看和缴费",
          "Your car? Scan the entry ticket to confirm it, then see and pay "
          "for it on your phone"},
    Entry{"plate_proven", "已确认：此车牌已绑定到您的会员账户",
          "Confirmed: this plate is now on your member account"},
    Entry{"ticket_wrong",
          "小票与这辆车本次停车不符，请核对；或携带行驶证到服务台",
          "The ticket is not of this car's stay: check it, or bring the "
          "vehicle licence to the service desk"},
    Entry{"plate_held", "此车牌已被其他账户绑定，请携带行驶证到服务台办理",
          "Another account holds this plate: bring the vehicle licence to "
          "the service desk"},
    Entry{"use_points", "使用积分抵扣（可用 {n}）", "Use points ({n} usable)"},
    Entry{"pay", "支付", "Pay"},
    Entry{"leave_free", "使用优惠，免费离场", "Use the benefits and leave"},
    Entry{"paid", "支付成功", "Paid"},
    Entry{"scan_to_pay", "请用手机扫码支付 {amount}",
          "Scan with your phone to pay {amount}"},
    Entry{"payment_waits",
          "支付完成后此屏自动显示收据；未支付的订单 5 分钟后关闭",
          "The receipt shows here once you have paid; an unpaid order "
          "closes after 5 minutes"},
    Entry{"payment_closed", "支付已超时，请重新支付",
          "The payment timed out: please pay again"},
    Entry{"exit_by", "请于 {time} 前离场", "Please leave by {time}"},
    Entry{"done", "完成", "Done"},
    Entry{"find_car", "找车", "Find my car"},
    Entry{"parking_offline", "暂时无法联网，请在出口岗亭缴费",
          "Offline for now: please pay at the exit booth"},
    Entry{"car_at", "您的车在 {where}", "Your car: {where}"},
    Entry{"bay", "车位 {bay}", "bay {bay}"},
    Entry{"bay_unknown", "入场时未记录车位", "The gate did not record a bay"},
    Entry{"nearest_lift", "最近电梯：{lift}", "Nearest lift: {lift}"},
    Entry{"back", "返回", "Back"},
    Entry{"working", "正在联系服务器，请稍候…",
          "Asking the server, one moment…"},
    Entry{"error", "未成功：{why}", "Not done: {why}"},
    Entry{"queued", "待同步 {n} 项", "{n} waiting to sync"},
    Entry{"tab_directory", "商户导览", "Stores"},
    Entry{"tab_member", "会员服务", "Members"},
    Entry{"scan_to_sign_in", "请在扫码口出示会员码",
          "Show your member code to the scanner"},
    Entry{"sign_in_hint", "登录后可领券、积分兑换",
          "Then claim coupons and exchange points"},
    Entry{"sign_out", "退出", "Sign out"},
    Entry{"points_usable", "可用积分 {n}", "{n} points"},
    Entry{"points_price", "{n} 积分", "{n} points"},
    Entry{"free", "免费领取", "Free"},
    Entry{"claim", "领取", "Claim"},
    Entry{"exchange", "兑换", "Exchange"},
    Entry{"taken_done", "已到账", "In your wallet"},
    Entry{"taken_queued", "已领取，联网后确认", "Taken, confirmed when online"},
    Entry{"why_offline", "离线，请联网后再试", "Offline: try again later"},
    Entry{"why_none_left", "已领完", "None left"},
    Entry{"why_not_for_you", "您的等级不可领", "Not for your tier"},
    Entry{"why_not_now", "暂不可领", "Not now"},
    Entry{"code_stale", "会员码已过期或已使用，请刷新后再扫",
          "The member code is old or used: refresh it and scan again"},
    Entry{"code_unknown", "无法识别的会员码", "Not a member code"},
    Entry{"tab_campaigns", "活动", "Campaigns"},
    Entry{"points_campaigns", "积分活动", "Bonus points"},
    Entry{"limited_coupons", "限量好券", "Limited coupons"},
    Entry{"limited_to", "限量 {n} 张", "{n} only"},
    Entry{"times", "{n} 倍积分", "{n}× points"},
    Entry{"month_days", "每月{days}日", "Day {days} of each month"},
    Entry{"weekday_1", "周一", "Mon"},
    Entry{"weekday_2", "周二", "Tue"},
    Entry{"weekday_3", "周三", "Wed"},
    Entry{"weekday_4", "周四", "Thu"},
    Entry{"weekday_5", "周五", "Fri"},
    Entry{"weekday_6", "周六", "Sat"},
    Entry{"weekday_7", "周日", "Sun"},
    Entry{"none", "暂无", "None"},
    Entry{"claim_at_member", "扫会员码后在「会员服务」领取",
          "Scan your member code, then claim on the Members tab"},
    Entry{"beauty", "美妆", "Beauty"},
    Entry{"books", "图书", "Books"},
    Entry{"cinema", "影院", "Cinema"},
    Entry{"electronics", "数码", "Electronics"},
    Entry{"fashion", "服饰", "Fashion"},
    Entry{"food_drink", "餐饮", "Food & drink"},
    Entry{"jewellery", "珠宝", "Jewellery"},
    Entry{"kids", "亲子", "Kids"},
    Entry{"lifestyle", "生活", "Lifestyle"},
    Entry{"service", "服务", "Services"},
    Entry{"sports", "运动", "Sports"},
    Entry{"supermarket", "超市", "Supermarket"},
};

}  // namespace

const char* Word(Language language, const char* key) {
  const auto it = std::find_if(kWords.begin(), kWords.end(),
                               [&](const Entry& e) { return e.key == key; });
  if (it == kWords.end()) return key;
  return language == Language::kZh ? it->zh : it->en;
}

std::string Word(
    Language language, const char* key,
    std::initializer_list<std::pair<std::string_view, std::string>> vars) {
  std::string out = Word(language, key);
  for (const auto& [name, value] : vars) {
    const std::string slot = "{" + std::string(name) + "}";
    for (size_t at = out.find(slot); at != std::string::npos;
         at = out.find(slot, at + value.size())) {
      out.replace(at, slot.size(), value);
    }
  }
  return out;
}

std::vector<std::string> AllWords() {
  std::vector<std::string> out;
  for (const Entry& e : kWords) {
    out.emplace_back(e.zh);
    out.emplace_back(e.en);
  }
  return out;
}

}  // namespace atrium::kiosk
