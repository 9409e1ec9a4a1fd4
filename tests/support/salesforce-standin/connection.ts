// An in-process @salesforce/core Connection to the stand-in, authenticated by access token as
// `--target-org <token>` would be (nothing saved to disk).
import { AuthInfo, Connection } from '@salesforce/core';
import type { SalesforceStandin } from './server';

export async function connect(standin: SalesforceStandin, version = '62.0'): Promise<Connection> {
  const authInfo = await AuthInfo.create({
    username: standin.accessToken,
    accessTokenOptions: { accessToken: standin.accessToken, instanceUrl: standin.url, loginUrl: standin.url },
  });
  return Connection.create({ authInfo, connectionOptions: { version } });
}
