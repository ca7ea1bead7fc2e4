import { createLocalizer, type MessageTable } from '../../i18n/localize.js';

type Key =
  | 'tabs'
  | 'tab.market'
  | 'tab.rentals'
  | 'filters'
  | 'results'
  | 'clientLoading'
  | 'clientError'
  | 'retry'
  | 'searching'
  | 'summary'
  | 'summaryPage'
  | 'searchError'
  | 'offline'
  | 'noMachines'
  | 'detail'
  | 'pickMachine'
  | 'gpuMemory'
  | 'cpu'
  | 'ram'
  | 'disk'
  | 'network'
  | 'location'
  | 'reliability'
  | 'uptime'
  | 'highStability'
  | 'freeGpus'
  | 'gpus'
  | 'duration'
  | 'unit.hours'
  | 'unit.days'
  | 'rent'
  | 'connectToRent'
  | 'waitForQuote'
  | 'noFreeGpus'
  | 'connectForRentals'
  | 'close';

const table: MessageTable<Key> = {
  en: {
    tabs: 'Storefront sections',
    'tab.market': 'GPU market',
    'tab.rentals': 'My rentals',
    filters: 'Filters',
    results: 'Machines',
    clientLoading: 'Connecting to DeepBrainChain…',
    clientError: 'Could not start the storefront: {message}',
    retry: 'Retry',
    searching: 'Searching machines…',
    summary: '{total} machines · block #{block}',
    summaryPage: 'Showing {shown} of {total} machines · block #{block}',
    searchError: 'Search failed',
    offline:
      'You are offline. Showing the machines as of block #{block}; they refresh when you are back online.',
    noMachines: 'No machine matches these filters. Loosen a filter or reset them.',
    detail: 'Machine details',
    pickMachine: 'Choose a machine to see its details and price.',
    gpuMemory: 'GPU memory',
    cpu: 'CPU',
    ram: 'RAM',
    disk: 'Disk',
    network: 'Network',
    location: 'Location',
    reliability: 'Reliability',
    uptime: 'Online without interruption',
    highStability: 'High stability',
    freeGpus: '{free} of {total} GPUs free',
    gpus: 'GPUs',
    duration: 'Duration',
    'unit.hours': 'hours',
    'unit.days': 'days',
    rent: 'Rent',
    connectToRent: 'Connect a wallet to rent this machine.',
    waitForQuote: 'Waiting for a price…',
    noFreeGpus: 'This machine has no free GPU right now.',
    connectForRentals: 'Connect a wallet to see your rentals.',
    close: 'Close',
  },
  zh: {
    tabs: '店铺栏目',
    'tab.market': 'GPU 市场',
    'tab.rentals': '我的租用',
    filters: '筛选',
    results: '机器',
    clientLoading: '正在连接 DeepBrainChain…',
    clientError: '无法启动店铺：{message}',
    retry: '重试',
    searching: '正在搜索机器…',
    summary: '{total} 台机器 · 区块 #{block}',
    summaryPage: '显示 {shown} / {total} 台机器 · 区块 #{block}',
    searchError: '搜索失败',
    offline: '您已离线。当前显示区块 #{block} 时的机器；恢复联网后将自动刷新。',
    noMachines: '没有符合筛选条件的机器。请放宽或重置筛选条件。',
    detail: '机器详情',
    pickMachine: '请选择一台机器查看详情和价格。',
    gpuMemory: '显存',
    cpu: 'CPU',
    ram: '内存',
    disk: '硬盘',
    network: '网络',
    location: '位置',
    reliability: '可靠性',
    uptime: '连续在线',
    highStability: '高稳定',
    freeGpus: '空闲 {free} / {total} 张 GPU',
    gpus: 'GPU 数量',
    duration: '时长',
    'unit.hours': '小时',
    'unit.days': '天',
    rent: '租用',
    connectToRent: '请先连接钱包再租用。',
    waitForQuote: '正在等待报价…',
    noFreeGpus: '这台机器暂时没有空闲 GPU。',
    connectForRentals: '连接钱包后可查看您的租用。',
    close: '关闭',
  },
};

/** `<dbc-gpu-market>`'s strings in English and Chinese. */
export const t = createLocalizer(table);
export type MarketMessageKey = Key;
