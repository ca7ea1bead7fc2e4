import { createLocalizer, type MessageTable } from '../../i18n/localize.js';

type Key =
  | 'title'
  | 'loading'
  | 'empty'
  | 'error'
  | 'retry'
  | 'machine'
  | 'gpus'
  | 'status'
  | 'endsAt'
  | 'remaining'
  | 'status.waiting-confirm'
  | 'status.renting'
  | 'status.expired'
  | 'duration.days'
  | 'duration.hours'
  | 'duration.minutes'
  | 'duration.ended'
  | 'actionsFor'
  | 'action.connection'
  | 'action.extend'
  | 'action.stop'
  | 'action.restart'
  | 'action.end'
  | 'working'
  | 'noVm'
  | 'ssh'
  | 'password'
  | 'jupyter'
  | 'extended'
  | 'stopped'
  | 'restarted'
  | 'ended'
  | 'cannotEndEarly'
  | 'insufficient'
  | 'insufficientNoAmounts'
  | 'declined'
  | 'nodeAuth'
  | 'node'
  | 'failed';

const table: MessageTable<Key> = {
  en: {
    title: 'My rentals',
    loading: 'Loading your rentals…',
    empty: 'You have no rentals yet.',
    error: 'Could not load your rentals: {message}',
    retry: 'Retry',
    machine: 'Machine',
    gpus: 'GPUs',
    status: 'Status',
    endsAt: 'Ends',
    remaining: 'Time left',
    'status.waiting-confirm': 'Waiting for confirmation',
    'status.renting': 'Running',
    'status.expired': 'Ended',
    'duration.days': '{d} d {h} h',
    'duration.hours': '{h} h {m} min',
    'duration.minutes': '{m} min',
    'duration.ended': 'ended',
    actionsFor: 'Actions for rental {id}',
    'action.connection': 'Connection info',
    'action.extend': 'Extend +1 h',
    'action.stop': 'Stop VM',
    'action.restart': 'Restart VM',
    'action.end': 'End rental',
    working: 'Working…',
    noVm: 'This rental has no VM yet.',
    ssh: 'SSH',
    password: 'Show password',
    jupyter: 'Open Jupyter',
    extended: 'Extended by 1 hour; it now ends {endsAt}.',
    stopped: 'The VM is stopping.',
    restarted: 'The VM is restarting.',
    ended: 'The rental has ended; the unused part of its fee is released.',
    cannotEndEarly:
      'This rental was paid in full when it was confirmed, so it cannot be ended early: it runs until its end block ({endsAt}). Stop its VM if you no longer need it.',
    insufficient:
      'Your account has {available} available, but this needs {need} including fees. Top up your DBC and try again.',
    insufficientNoAmounts: 'Your account does not have enough DBC for this. Top up your DBC and try again.',
    declined: 'You declined the signature in your wallet, so nothing changed.',
    nodeAuth:
      "The GPU machine's node did not accept your wallet's signature, so it cannot manage this rental's VMs. Press Retry and approve the signature request in your wallet; if this keeps happening, contact the storefront's operator.",
    node: "The GPU machine's node reported a problem: {message}",
    failed: 'That did not work: {message}',
  },
  zh: {
    title: '我的租用',
    loading: '正在加载您的租用…',
    empty: '您还没有租用。',
    error: '无法加载您的租用：{message}',
    retry: '重试',
    machine: '机器',
    gpus: 'GPU',
    status: '状态',
    endsAt: '结束时间',
    remaining: '剩余时间',
    'status.waiting-confirm': '等待确认',
    'status.renting': '运行中',
    'status.expired': '已结束',
    'duration.days': '{d} 天 {h} 小时',
    'duration.hours': '{h} 小时 {m} 分钟',
    'duration.minutes': '{m} 分钟',
    'duration.ended': '已结束',
    actionsFor: '租用 {id} 的操作',
    'action.connection': '连接信息',
    'action.extend': '续租 1 小时',
    'action.stop': '停止虚拟机',
    'action.restart': '重启虚拟机',
    'action.end': '结束租用',
    working: '处理中…',
    noVm: '此租用还没有虚拟机。',
    ssh: 'SSH',
    password: '显示密码',
    jupyter: '打开 Jupyter',
    extended: '已续租 1 小时，现在将于 {endsAt} 结束。',
    stopped: '虚拟机正在停止。',
    restarted: '虚拟机正在重启。',
    ended: '租用已结束，未使用部分的费用已释放。',
    cannotEndEarly:
      '此租用在确认时已全额支付，不能提前结束：它将一直运行到结束区块（{endsAt}）。如不再需要，请停止其虚拟机。',
    insufficient: '您的账户可用余额为 {available}，但此操作（含手续费）需要 {need}。请充值 DBC 后重试。',
    insufficientNoAmounts: '您的账户 DBC 余额不足。请充值 DBC 后重试。',
    declined: '您在钱包中拒绝了签名，因此没有任何更改。',
    nodeAuth:
      'GPU 机器的节点未接受您钱包的签名，因此无法管理该租用的虚拟机。请点击“重试”并在钱包中批准签名请求；如果问题仍然存在，请联系商店运营方。',
    node: 'GPU 机器的节点报告了一个问题：{message}',
    failed: '操作未成功：{message}',
  },
};

/** `<dbc-my-rentals>`'s strings in English and Chinese. */
export const t = createLocalizer(table);
