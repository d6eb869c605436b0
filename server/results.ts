// Results routes: a session's report and its export (CSV for Excel set to
// Indonesian, XLSX, JSON), only for the holder of that session's host key.
import type express from "express";
import type { Pack } from "../shared/scenario.js";
import { REPORT_VIEWS, type ReportView, type Store } from "./store/index.js";
import { CONTENT_TYPE, exportFileName, toCsv, toJson, toXlsx } from "./store/export.js";
import { authorised } from "./session-auth.js";
import { logError } from "./log.js";

export function resultRoutes(app: express.Application, store: Store, packs: Map<string, Pack>): void {
  app.get("/api/sessions/:code/export.:ext", async (req, res) => {
    const ext = String(req.params.ext ?? "");
    const key = typeof req.query.key === "string" ? req.query.key : "";
    const lang = req.query.lang === "en" ? "en" : "id";
    try {
      // unknown code and wrong key alike: 404 SESSION_NOT_FOUND, counted as a miss for this address
      const session = await authorised(store, req.params.code, key, req, res);
      if (!session) return;
      const code = session.code;
      const pack = packs.get(session.packId);
      const report = pack ? await store.report(code, pack) : null;
      if (!report) return void res.status(404).json({ reason: "SESSION_NOT_FOUND" });
      if (ext === "json") {
        res.type(CONTENT_TYPE.json).attachment(exportFileName(report, "json")).send(toJson(report));
      } else if (ext === "csv") {
        const view = (REPORT_VIEWS as readonly string[]).includes(String(req.query.view)) ? (req.query.view as ReportView) : "teams";
        res.type(CONTENT_TYPE.csv).attachment(exportFileName(report, "csv", view, lang)).send(toCsv(report, view, lang));
      } else if (ext === "xlsx") {
        res.type(CONTENT_TYPE.xlsx).attachment(exportFileName(report, "xlsx", undefined, lang)).send(await toXlsx(report, lang));
      } else {
        res.status(404).json({ reason: "BAD_MESSAGE" });
      }
    } catch (error) {
      logError("export-failed", error);
      res.status(500).json({ reason: "SERVER_ERROR" });
    }
  });
}
