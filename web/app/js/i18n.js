// The app's words in 简体中文 (the default) and English. t(key) reads the
// current language; the choice is kept on the phone.
const words = {
  zh: {
    title: '金汇会员', card: '会员卡', points: '积分', wallet: '券包',
    parking: '停车', stores: '商户', phone: '手机号', code: '验证码',
    send_code: '获取验证码', sign_in: '登录', sign_out: '退出登录',
    code_sent: '验证码已发送', usable: '可用积分', pending: '待生效',
    to_next: '距{tier}还需消费 ¥{yuan}', top_tier: '已是最高等级',
    refresh_in: '{s} 秒后刷新', show_at_till: '结账时出示会员码',
    code_needs_network: '会员码需要更新：请连接网络后重试',
    expiring: '即将过期', statement: '积分明细', none: '暂无',
    coupon_centre: '领券中心', points_mall: '积分商城', claim: '领取',
    exchange: '兑换', queued: '待同步 {n} 项', online: '在线', offline: '离线',
    outcome_ok: '已完成', outcome_no: '未成功', valid_until: '有效期至',
    search: '搜索店名或拼音首字母', floor: '楼层', all: '全部',
    no_stays: '您绑定的车辆不在场内', bind_plate: '绑定车牌', plate: '车牌号',
    plate_pending: '待验证',
    plate_prove: '验证后才能查看车辆和缴费：在自助机登录后扫描入场小票，或携带行驶证到服务台。车牌被他人绑定时，服务台核对行驶证后为您转回。',
    due: '应付', pay: '支付', exit_by: '请于 {time} 前离场', pts: '积分',
    available: '可用', used: '已使用', expired: '已过期', reserved: '使用中',
    group_wide: '积分与等级在{group}各商场通用',
    offers: '活动', all_floors: '全部楼层', all_categories: '全部类别',
    needs_network: '联网后可搜索商户', points_campaigns: '积分活动',
    limited_coupons: '限量抢券', limited_to: '限量 {n} 张', claim_window: '领取时间',
    month_days: '每月{days}日', my_plates: '我的车辆', entered: '入场时间',
    parked: '停车时长', duration: '{h}小时{m}分', gross: '停车费', paid_before: '已付',
    minutes: '{m}分钟', find_car: '找车', bay: '车位', bay_unknown: '未记录车位',
    nearest_lift: '最近电梯', left: '剩余 {m}:{s}', grace_over: '已超出离场时间，请重新缴费',
    auto_pay: '无感支付（出场自动扣费）', auto_pay_off: '关闭', auto_pay_upto: '每次不超过 ¥{amount}',
    receipts: '缴费记录', auto_paid: '无感支付', refunded: '已退款',
    use_points: '使用积分抵扣停车费', use_benefits: '使用优惠，免费离场', as_of: '离线，显示 {time} 的信息',
    pay_queued: '已记录，联网后生效；届时费用若有变化将提示您重新缴费',
    pay_needs_network: '付款需要联网，请联网后重试，或到出口岗亭缴费',
    pay_waiting: '正在确认付款，请稍候…',
    pay_done: '付款成功，请于 {time} 前离场',
    pay_not_yet: '尚未收到付款结果；如已付款，请稍后刷新本页，无需重复付款',
    pay_closed: '付款未完成，订单已关闭；如需离场请重新缴费',
    benefit_tier_minutes: '会员等级免费', benefit_spend_minutes: '当日消费减免',
    benefit_coupon_minutes: '停车券', benefit_coupon_amount: '停车券',
    benefit_points_minutes: '积分抵扣',
    op_claim_coupon: '领券', op_exchange_points: '积分兑换', op_park_pay: '停车缴费',
    op_unknown: '操作',
    weekday_1: '周一', weekday_2: '周二', weekday_3: '周三', weekday_4: '周四',
    weekday_5: '周五', weekday_6: '周六', weekday_7: '周日',
    cat_beauty: '美妆', cat_books: '图书', cat_cinema: '影院', cat_electronics: '数码',
    cat_fashion: '服饰', cat_food_drink: '餐饮', cat_jewellery: '珠宝', cat_kids: '亲子',
    cat_lifestyle: '生活', cat_service: '服务', cat_sports: '运动', cat_supermarket: '超市',
    cat_gift_card: '购物卡',
  },
  en: {
    title: 'Jinhui Members', card: 'Card', points: 'Points', wallet: 'Wallet',
    parking: 'Parking', stores: 'Stores', phone: 'Mobile number',
    code: 'Code', send_code: 'Send code', sign_in: 'Sign in',
    sign_out: 'Sign out', code_sent: 'Code sent', usable: 'Usable points',
    pending: 'Pending', to_next: 'Spend ¥{yuan} more for {tier}',
    top_tier: 'Top tier', refresh_in: 'Refreshes in {s} s',
    code_needs_network: 'Your member code needs updating: connect to the internet and try again',
    show_at_till: 'Show this code at the till', expiring: 'Expiring soon',
    statement: 'Statement', none: 'Nothing yet',
    coupon_centre: 'Coupon centre', points_mall: 'Points mall',
    claim: 'Claim', exchange: 'Exchange', queued: '{n} waiting to sync',
    online: 'Online', offline: 'Offline', outcome_ok: 'Done',
    outcome_no: 'Not done', valid_until: 'Valid until',
    search: 'Store name or pinyin initials', floor: 'Floor', all: 'All',
    no_stays: 'None of your cars is parked here', bind_plate: 'Bind plate',
    plate_pending: 'To be confirmed',
    plate_prove: 'Confirm the plate to see the car and pay: sign in at a kiosk and scan the entry ticket, or bring the vehicle licence to the service desk. If someone else holds the plate, the service desk moves it to you on sight of the licence.',
    plate: 'Plate', due: 'Due', pay: 'Pay', exit_by: 'Leave by {time}',
    pts: 'points', available: 'Usable', used: 'Used', expired: 'Expired',
    reserved: 'In use',
    group_wide: 'Points and tier count at every mall of {group}',
    offers: 'Offers', all_floors: 'All floors', all_categories: 'All categories',
    needs_network: 'Store search needs the network', points_campaigns: 'Bonus points',
    limited_coupons: 'Limited coupons', limited_to: '{n} only', claim_window: 'Claim',
    month_days: 'Day {days} of each month', my_plates: 'My cars', entered: 'Entered',
    parked: 'Parked', duration: '{h} h {m} min', gross: 'Fee', paid_before: 'Paid',
    minutes: '{m} min', find_car: 'Find my car', bay: 'Bay', bay_unknown: 'No bay recorded',
    nearest_lift: 'nearest lifts:', left: '{m}:{s} left', grace_over: 'Time is up: please pay again',
    auto_pay: 'Pay at the exit automatically', auto_pay_off: 'Off', auto_pay_upto: 'Up to ¥{amount} a stay',
    receipts: 'Payments', auto_paid: 'paid at the exit', refunded: 'refunded',
    use_points: 'Use points for parking', use_benefits: 'Use benefits: leave free', as_of: 'Offline: as of {time}',
    pay_queued: 'Saved: it takes effect when back online; if the fee has changed by then you will be asked to pay again',
    pay_needs_network: 'Paying needs the network: try again online, or pay at the exit booth',
    pay_waiting: 'Confirming your payment…',
    pay_done: 'Paid. Please leave by {time}',
    pay_not_yet: 'No word of the payment yet. If you paid, refresh this page in a moment; do not pay again',
    pay_closed: 'The payment was not completed and the order has closed: pay again to leave',
    benefit_tier_minutes: 'Tier free time', benefit_spend_minutes: "Today's spend",
    benefit_coupon_minutes: 'Parking coupon', benefit_coupon_amount: 'Parking coupon',
    benefit_points_minutes: 'Points',
    op_claim_coupon: 'Coupon claimed', op_exchange_points: 'Points exchange',
    op_park_pay: 'Parking payment', op_unknown: 'Operation',
    weekday_1: 'Mon', weekday_2: 'Tue', weekday_3: 'Wed', weekday_4: 'Thu',
    weekday_5: 'Fri', weekday_6: 'Sat', weekday_7: 'Sun',
    cat_beauty: 'Beauty', cat_books: 'Books', cat_cinema: 'Cinema',
    cat_electronics: 'Electronics', cat_fashion: 'Fashion', cat_food_drink: 'Food & drink',
    cat_jewellery: 'Jewellery', cat_kids: 'Kids', cat_lifestyle: 'Lifestyle',
    cat_service: 'Services', cat_sports: 'Sports', cat_supermarket: 'Supermarket',
    cat_gift_card: 'Gift cards',
  },
};

let lang = localStorage.getItem('lang') === 'en' ? 'en' : 'zh';

export const language = () => lang;
export function setLanguage(l) {
  lang = l;
  localStorage.setItem('lang', l);
  document.documentElement.lang = l === 'en' ? 'en' : 'zh-CN';
}
export function t(key, vars = {}) {
  const text = words[lang][key] ?? key;
  return text.replace(/\{(\w+)\}/g, (_, v) => vars[v] ?? '');
}
// Integer fen as yuan, without floating point: 12345 → "123.45".
export function yuan(fen) {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  return `${sign}${Math.trunc(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}
// An instant in the mall's time zone (the programme's UTC offset).
export function localTime(iso, offsetMinutes) {
  const d = new Date(Date.parse(iso) + offsetMinutes * 60000);
  return d.toISOString().slice(0, 16).replace('T', ' ');
}
