/**
 * A fresh database on a REAL PostgreSQL server for one test file: the
 * cluster the test run started (KESSAI_TEST_PG_URL, see scripts/test.js), or
 * one started here when the file runs alone. Never a mock.
 */
import pg from 'pg';
// @ts-expect-error plain JS module without types
import { startPostgres } from '../../../scripts/pg-cluster.js';

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

export async function testDatabase(): Promise<TestDatabase> {
  let cluster: { url: string; stop(): void } | undefined;
  let admin = process.env.KESSAI_TEST_PG_URL;
  if (!admin) {
    cluster = await startPostgres();
    admin = cluster!.url;
  }
  const name = `kessai_test_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  await client.query(`CREATE DATABASE ${name}`);
  await client.end();
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return {
    url: url.href,
    async drop() {
      if (cluster) return cluster.stop();
      const c = new pg.Client({ connectionString: admin });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}
