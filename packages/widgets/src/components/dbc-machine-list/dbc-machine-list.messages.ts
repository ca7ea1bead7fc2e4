import { createLocalizer } from '../../i18n/localize.js';

/** The strings of `<dbc-machine-list>`, in English and Chinese. Keys are stable. */
export const machineListMessages = {
  en: {
    label: 'GPU machines',
    count: '{n} machines',
    loading: 'Loading machines…',
    empty: 'No machines match these filters. Try widening your search.',
    error: 'The machines could not be loaded.',
    retry: 'Retry',
  },
  zh: {
    label: 'GPU 机器',
    count: '{n} 台机器',
    loading: '正在加载机器…',
    empty: '没有符合筛选条件的机器，请放宽搜索条件。',
    error: '无法加载机器。',
    retry: '重试',
  },
};

/** Localizes a `<dbc-machine-list>` string. */
export const tList = createLocalizer(machineListMessages);
