import { createLocalizer, type MessageTable } from '../../i18n/localize.js';

type Key =
  | 'terms'
  | 'term.hourly'
  | 'term.daily'
  | 'term.monthly'
  | 'term.quarterly'
  | 'term.yearly'
  | 'discount'
  | 'termMin'
  | 'loading'
  | 'empty'
  | 'error'
  | 'retry'
  | 'summary'
  | 'chainRent'
  | 'networkFee'
  | 'txFees'
  | 'markup'
  | 'termDiscount'
  | 'minimum'
  | 'total'
  | 'perGpuHour'
  | 'expiresIn'
  | 'expired'
  | 'requoting';

const table: MessageTable<Key> = {
  en: {
    terms: 'Rental term',
    'term.hourly': 'Hourly',
    'term.daily': 'Daily',
    'term.monthly': 'Monthly',
    'term.quarterly': 'Quarterly',
    'term.yearly': 'Yearly',
    discount: '−{pct}',
    termMin: 'Needs a rental of at least {days} days',
    loading: 'Getting a price…',
    empty: 'Choose a machine to see its price.',
    error: 'Could not get a price: {message}',
    retry: 'Retry',
    summary: '{gpus} × {model} for {hours} h',
    chainRent: 'Chain rent',
    networkFee: 'Network fee',
    txFees: 'Transaction fees ({n}, estimate)',
    markup: 'Partner markup ({pct})',
    termDiscount: 'Term discount ({pct})',
    minimum: 'Minimum price adjustment',
    total: 'Total',
    perGpuHour: 'Per GPU-hour',
    expiresIn: 're-quote in {s} s',
    expired: 'Price expired',
    requoting: 'Updating the price…',
  },
  zh: {
    terms: '租期',
    'term.hourly': '按小时',
    'term.daily': '按天',
    'term.monthly': '按月',
    'term.quarterly': '按季度',
    'term.yearly': '按年',
    discount: '−{pct}',
    termMin: '租用时长至少 {days} 天',
    loading: '正在报价…',
    empty: '请选择一台机器查看价格。',
    error: '无法获取报价：{message}',
    retry: '重试',
    summary: '{gpus} × {model}，{hours} 小时',
    chainRent: '链上租金',
    networkFee: '网络费',
    txFees: '交易手续费（{n} 笔，估算）',
    markup: '合作方加价（{pct}）',
    termDiscount: '租期折扣（{pct}）',
    minimum: '最低价补足',
    total: '合计',
    perGpuHour: '每 GPU·小时',
    expiresIn: '{s} 秒后重新报价',
    expired: '报价已过期',
    requoting: '正在更新报价…',
  },
};

/** `<dbc-quote>`'s strings in English and Chinese. */
export const t = createLocalizer(table);
