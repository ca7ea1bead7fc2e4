import { createLocalizer, type MessageTable } from '../../i18n/localize.js';

type Key =
  | 'title'
  | 'summary'
  | 'total'
  | 'start'
  | 'cancel'
  | 'close'
  | 'steps'
  | 'step.sign'
  | 'step.inBlock'
  | 'step.confirm'
  | 'step.vm'
  | 'step.ready'
  | 'state.done'
  | 'state.active'
  | 'state.failed'
  | 'reconciling'
  | 'moneyInFlight'
  | 'ready'
  | 'ssh'
  | 'copy'
  | 'copied'
  | 'copyManually'
  | 'password'
  | 'jupyter'
  | 'retry'
  | 'declined'
  | 'insufficient'
  | 'insufficientNoAmounts'
  | 'nodeAuth'
  | 'node'
  | 'other'
  | 'rentalKept'
  | 'vmFailed'
  | 'noMachine';

const table: MessageTable<Key> = {
  en: {
    title: 'Rent {gpus} × {model}',
    summary: '{gpus} × {model} for {hours} h',
    total: 'Total',
    start: 'Rent and pay',
    cancel: 'Cancel',
    close: 'Close',
    steps: 'Progress',
    'step.sign': 'Sign in your wallet',
    'step.inBlock': 'Included in a block',
    'step.confirm': 'Machine checked, rental confirmed',
    'step.vm': 'Creating your VM',
    'step.ready': 'VM ready',
    'state.done': 'done',
    'state.active': 'in progress',
    'state.failed': 'failed',
    reconciling: 'The connection dropped; looking for your transaction on chain (it is never sent twice)…',
    moneyInFlight: 'Payment in progress: keep this window open.',
    ready: 'Your VM is running.',
    ssh: 'SSH',
    copy: 'Copy',
    copied: 'Copied',
    copyManually: 'Selected: press Ctrl+C (⌘C) to copy',
    password: 'Show password',
    jupyter: 'Open Jupyter',
    retry: 'Retry',
    declined:
      'You declined the signature in your wallet, so nothing was rented or paid. Press Retry when you are ready.',
    insufficient:
      'Your account has {available} available, but this rental needs {need} including fees. Top up your DBC and press Retry.',
    insufficientNoAmounts:
      'Your account does not have enough DBC for this rental and its fees. Top up your DBC and press Retry.',
    nodeAuth:
      "The GPU machine's node did not accept your wallet's signature, so it cannot create the VM. Press Retry and approve the signature request in your wallet; if this keeps happening, contact the storefront's operator.",
    node: "The GPU machine's node reported a problem: {message}",
    other: 'The rental did not go through: {message}',
    vmFailed: 'The VM could not be set up: {message}',
    rentalKept:
      'Your rental {id} is confirmed and paid; only the VM setup is left, and Retry continues from there.',
    noMachine: 'Choose a machine first.',
  },
  zh: {
    title: '租用 {gpus} × {model}',
    summary: '{gpus} × {model}，{hours} 小时',
    total: '合计',
    start: '租用并支付',
    cancel: '取消',
    close: '关闭',
    steps: '进度',
    'step.sign': '在钱包中签名',
    'step.inBlock': '交易已上链',
    'step.confirm': '机器已检查，租用已确认',
    'step.vm': '正在创建虚拟机',
    'step.ready': '虚拟机就绪',
    'state.done': '已完成',
    'state.active': '进行中',
    'state.failed': '失败',
    reconciling: '连接中断，正在链上查找您的交易（绝不会重复发送）…',
    moneyInFlight: '正在支付，请不要关闭此窗口。',
    ready: '您的虚拟机已运行。',
    ssh: 'SSH',
    copy: '复制',
    copied: '已复制',
    copyManually: '已选中，请按 Ctrl+C（⌘C）复制',
    password: '显示密码',
    jupyter: '打开 Jupyter',
    retry: '重试',
    declined: '您在钱包中拒绝了签名，因此没有租用，也没有扣款。准备好后请点击“重试”。',
    insufficient:
      '您的账户可用余额为 {available}，但本次租用（含手续费）需要 {need}。请充值 DBC 后点击“重试”。',
    insufficientNoAmounts: '您的账户 DBC 余额不足以支付本次租用及手续费。请充值 DBC 后点击“重试”。',
    nodeAuth:
      'GPU 机器的节点未接受您钱包的签名，因此无法创建虚拟机。请点击“重试”并在钱包中批准签名请求；如果问题仍然存在，请联系商店运营方。',
    node: 'GPU 机器的节点报告了一个问题：{message}',
    other: '租用未能完成：{message}',
    vmFailed: '虚拟机未能创建：{message}',
    rentalKept: '您的租用 {id} 已确认并支付，只剩虚拟机尚未创建；点击“重试”将从这一步继续。',
    noMachine: '请先选择一台机器。',
  },
};

/** `<dbc-rent-dialog>`'s strings in English and Chinese. */
export const t = createLocalizer(table);
