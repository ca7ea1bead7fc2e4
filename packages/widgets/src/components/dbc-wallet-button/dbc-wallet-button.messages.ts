import { createLocalizer, type MessageTable } from '../../i18n/localize.js';

type Key =
  | 'connect'
  | 'connecting'
  | 'choose'
  | 'noExtension'
  | 'install'
  | 'noAccounts'
  | 'error'
  | 'tryAgain'
  | 'connectedAs'
  | 'disconnect';

const table: MessageTable<Key> = {
  en: {
    connect: 'Connect wallet',
    connecting: 'Connecting…',
    choose: 'Choose an account',
    noExtension: 'No Polkadot wallet extension was found, or this site was not allowed to use it.',
    install: 'Install one, allow this site, then try again:',
    noAccounts: 'Your wallet has no accounts yet. Create or import one in the extension, then try again.',
    error: 'Could not connect the wallet: {message}',
    tryAgain: 'Try again',
    connectedAs: '{who}: connected; press to switch accounts',
    disconnect: 'Disconnect',
  },
  zh: {
    connect: '连接钱包',
    connecting: '正在连接…',
    choose: '选择账户',
    noExtension: '未找到 Polkadot 钱包扩展，或本网站未获授权使用它。',
    install: '请安装一个钱包扩展并授权本网站，然后重试：',
    noAccounts: '钱包中还没有账户。请在扩展中创建或导入账户后重试。',
    error: '无法连接钱包：{message}',
    tryAgain: '重试',
    connectedAs: '{who}：已连接，按下可切换账户',
    disconnect: '断开连接',
  },
};

/** `<dbc-wallet-button>`'s strings in English and Chinese. */
export const t = createLocalizer(table);
