/** Every user-visible string of the widgets, in English and Chinese. Keys are stable. */
export const messages = {
  en: {
    'card.freeGpus': '{free} of {total} GPUs free',
    'card.perGpuHour': '/ GPU·h',
    'card.highStability': 'High stability',
    'card.reliability': 'Reliability {pct}',
    'card.select': 'View details',
    'card.ram': '{gb} GB RAM',
    'card.cores': '{n} CPU cores',
    'status.available': 'Available',
    'status.rented': 'Rented',
    'status.offline': 'Offline',
    'status.verifying': 'Verifying',
    'zone.ai-inference': 'AI inference',
    'zone.ai-training': 'AI training',
    'zone.rendering': 'Rendering',
    'zone.cloud-gaming': 'Cloud gaming',
    'zone.hpc': 'HPC',
  },
  zh: {
    'card.freeGpus': '空闲 {free} / {total} 张 GPU',
    'card.perGpuHour': '/ GPU·小时',
    'card.highStability': '高稳定',
    'card.reliability': '可靠性 {pct}',
    'card.select': '查看详情',
    'card.ram': '{gb} GB 内存',
    'card.cores': '{n} 核 CPU',
    'status.available': '可租用',
    'status.rented': '已出租',
    'status.offline': '离线',
    'status.verifying': '审核中',
    'zone.ai-inference': 'AI 推理',
    'zone.ai-training': 'AI 训练',
    'zone.rendering': '渲染',
    'zone.cloud-gaming': '云游戏',
    'zone.hpc': '高性能计算',
  },
} as const;

export type Locale = keyof typeof messages;
export type MessageKey = keyof (typeof messages)['en'];
