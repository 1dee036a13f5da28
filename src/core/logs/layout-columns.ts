import type { Layout, LogLayoutName } from './log-layout.js';

/** Column positions of one layout, looked up once instead of by name on every row. */
export interface Columns {
  readonly timestamp: number;
  readonly message: number;
  readonly description: number;
  readonly serviceUser: number;
  readonly service: number;
  readonly hostname: number;
  readonly taskName: number;
  readonly startTime: number;
  readonly stopTime: number;
  readonly status: number;
  /** Where this layout keeps the facts around a message. */
  readonly facts: FactColumns;
}

/** The columns a row's facts are cut from (-1: the layout has none), chosen once per layout. */
export interface FactColumns {
  readonly directory: number;
  readonly id: number;
  readonly userName: number;
  readonly session: number;
  readonly client: number;
  readonly context: number;
  readonly node: number;
}

const NO_COLUMN = -1;

function factColumnsOf(name: LogLayoutName, at: (column: string) => number): FactColumns {
  const session = at('ProxySessionId');
  if (name === 'Audit_Proxy')
    return {
      directory: at('ActiveUserDirectory'),
      id: at('ActiveUserId'),
      userName: NO_COLUMN,
      session,
      client: at('IpAddress'),
      context: NO_COLUMN,
      node: at('Hostname'),
    };
  if (name === 'License_Repository')
    return {
      directory: NO_COLUMN,
      id: NO_COLUMN,
      userName: at('UserName'),
      session,
      client: NO_COLUMN,
      context: NO_COLUMN,
      node: NO_COLUMN,
    };
  return {
    directory: at('UserDirectory'),
    id: at('UserId'),
    userName: NO_COLUMN,
    session,
    client: at('ClientHostAddress'),
    context: at('Context'),
    node: at('Hostname'),
  };
}

const COLUMNS_CACHE = new WeakMap<Layout, Columns>();

export function columnsOf(layout: Layout): Columns {
  let columns = COLUMNS_CACHE.get(layout);
  if (columns === undefined) {
    const at = (name: string) => layout.columns.get(name) ?? -1;
    columns = {
      timestamp: at('Timestamp'),
      message: at('Message'),
      description: at('Description'),
      serviceUser: at('ServiceUser'),
      service: at('Service'),
      hostname: at('Hostname'),
      taskName: at('TaskName'),
      startTime: at('StartTime'),
      stopTime: at('StopTime'),
      status: at('Status'),
      facts: factColumnsOf(layout.name, at),
    };
    COLUMNS_CACHE.set(layout, columns);
  }
  return columns;
}
