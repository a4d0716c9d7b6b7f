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
    expiring: '即将过期', statement: '积分明细', none: '暂无',
    coupon_centre: '领券中心', points_mall: '积分商城', claim: '领取',
    exchange: '兑换', queued: '待同步 {n} 项', online: '在线', offline: '离线',
    outcome_ok: '已完成', outcome_no: '未成功', valid_until: '有效期至',
    search: '搜索店名或拼音首字母', floor: '楼层', all: '全部',
    no_stays: '您绑定的车辆不在场内', bind_plate: '绑定车牌', plate: '车牌号',
    due: '应付', pay: '支付', exit_by: '请于 {time} 前离场', pts: '积分',
    available: '可用', used: '已使用', expired: '已过期', reserved: '使用中',
  },
  en: {
    title: 'Jinhui Members', card: 'Card', points: 'Points', wallet: 'Wallet',
    parking: 'Parking', stores: 'Stores', phone: 'Mobile number',
    code: 'Code', send_code: 'Send code', sign_in: 'Sign in',
    sign_out: 'Sign out', code_sent: 'Code sent', usable: 'Usable points',
    pending: 'Pending', to_next: 'Spend ¥{yuan} more for {tier}',
    top_tier: 'Top tier', refresh_in: 'Refreshes in {s} s',
    show_at_till: 'Show this code at the till', expiring: 'Expiring soon',
    statement: 'Statement', none: 'Nothing yet',
    coupon_centre: 'Coupon centre', points_mall: 'Points mall',
    claim: 'Claim', exchange: 'Exchange', queued: '{n} waiting to sync',
    online: 'Online', offline: 'Offline', outcome_ok: 'Done',
    outcome_no: 'Not done', valid_until: 'Valid until',
    search: 'Store name or pinyin initials', floor: 'Floor', all: 'All',
    no_stays: 'None of your cars is parked here', bind_plate: 'Bind plate',
    plate: 'Plate', due: 'Due', pay: 'Pay', exit_by: 'Leave by {time}',
    pts: 'points', available: 'Usable', used: 'Used', expired: 'Expired',
    reserved: 'In use',
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
