// The SQLite connection prepares each SQL text once (server/store/index.ts withStatementCache).
import BetterSqlite3 from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { STATEMENT_CACHE_SIZE, withStatementCache } from "../../server/store/index.js";

describe("SQLite statement cache", () => {
  it("hands out the same prepared statement for the same SQL, and the statement still runs", () => {
    const raw = new BetterSqlite3(":memory:");
    const db = withStatementCache(raw);
    db.prepare("CREATE TABLE t (n INTEGER)").run([]);
    const insert = db.prepare("INSERT INTO t (n) VALUES (?)");
    expect(db.prepare("INSERT INTO t (n) VALUES (?)")).toBe(insert);
    insert.run([1]);
    db.prepare("INSERT INTO t (n) VALUES (?)").run([2]);
    expect(db.prepare("SELECT sum(n) AS s FROM t").all([])).toEqual([{ s: 3 }]);
    // a different text is a different statement
    expect(db.prepare("INSERT INTO t (n) VALUES (?) ")).not.toBe(insert);
    db.close();
    expect(raw.open).toBe(false);
  });

  it("starts over when full instead of growing without end", () => {
    const raw = new BetterSqlite3(":memory:");
    const db = withStatementCache(raw);
    const first = db.prepare("SELECT 0");
    for (let i = 1; i <= STATEMENT_CACHE_SIZE; i++) db.prepare(`SELECT ${i}`);
    expect(db.prepare("SELECT 0")).not.toBe(first);
    raw.close();
  });
});
