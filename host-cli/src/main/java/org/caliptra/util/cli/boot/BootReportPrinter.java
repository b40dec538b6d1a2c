package org.caliptra.util.cli.boot;

import org.caliptra.util.protocol.Text;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import org.caliptra.util.cli.image.ImageJson;
import org.caliptra.util.protocol.Generation;
import org.caliptra.util.protocol.error.CaliptraError;
import org.caliptra.util.soc.LibcaliptraError;
import org.caliptra.util.soc.boot.BootReport;
import org.caliptra.util.soc.boot.BootStage;
import org.caliptra.util.soc.boot.Outcome;
import org.caliptra.util.soc.boot.StageResult;

/** Prints a {@link BootReport} as a table or as JSON, naming each error as Caliptra or libcaliptra does. */
final class BootReportPrinter {
    private final PrintWriter out;
    private final String fusesDetail;

    /** @param fusesDetail what the fuses row says about the part (lifecycle, profile) */
    BootReportPrinter(PrintWriter out, String fusesDetail) {
        this.out = out;
        this.fusesDetail = fusesDetail;
    }

    /** One printed row: the result word, and the error's name and code where there is one. */
    private record Row(String stage, Integer fwId, String result, String errorName, Integer errorCode, String detail) {}

    private Row row(StageResult s, Generation generation) {
        return row(s, generation, fusesDetail);
    }

    /** One stage in one line, as its table row says it: {@code stage firmware-load failed: NAME (0xCODE), detail}. */
    static String describe(StageResult s, Generation generation) {
        Row r = row(s, generation, s.detail());
        String result = r.errorName() == null ? r.result()
                : r.errorName() + (r.errorCode() == null ? "" : String.format(" (0x%08X)", r.errorCode()));
        return "stage " + r.stage() + (r.fwId() == null ? "" : " fw_id " + Integer.toUnsignedString(r.fwId())) + ": "
                + (result.equals("failed") ? "failed" : (r.errorName() == null ? result : "failed with " + result))
                + (r.detail() == null || r.detail().isEmpty() ? "" : " (" + r.detail() + ")");
    }

    private static Row row(StageResult s, Generation generation, String fusesDetail) {
        Integer fwId = s.fwId().isPresent() ? s.fwId().getAsInt() : null;
        String detail = s.stage() == BootStage.FUSES ? fusesDetail : s.detail();
        String stage = s.stage().label();
        Outcome o = s.outcome();
        if (o instanceof Outcome.Authorization a) {
            if (a.passed()) {
                return new Row(stage, fwId, "authorized", null, null, detail);
            }
            return a.result().map(r -> new Row(stage, fwId, r.name(), r.name(), a.resultCode(), detail))
                    .orElseGet(() -> new Row(stage, fwId, "failed", String.format("0x%08X", a.resultCode()), a.resultCode(), detail));
        }
        if (o instanceof Outcome.DeviceError e) {
            String name = CaliptraError.of(e.code(), generation).map(Enum::name).orElse(String.format("0x%08X", e.code()));
            return new Row(stage, fwId, "failed", name, e.code(), detail);
        }
        if (o instanceof Outcome.FusesNotAccepted) {
            return libcaliptra(stage, fwId, LibcaliptraError.STILL_READY_FOR_FUSES, detail);
        }
        if (o instanceof Outcome.Busy) {
            return libcaliptra(stage, fwId, LibcaliptraError.MBX_BUSY, detail);
        }
        if (o instanceof Outcome.Malformed m) {
            return new Row(stage, fwId, "failed", null, null, m.problem());
        }
        String result = o instanceof Outcome.Missing ? "missing" : o instanceof Outcome.Timeout ? "timeout"
                : o.passed() ? "ok" : "failed";
        return new Row(stage, fwId, result, null, null, detail);
    }

    private static Row libcaliptra(String stage, Integer fwId, LibcaliptraError error, String detail) {
        return new Row(stage, fwId, "failed", error.name(), error.code(), detail);
    }

    void print(BootReport report, boolean json) {
        var rows = report.stages().stream().map(s -> row(s, report.generation())).toList();
        if (json) {
            var list = new ArrayList<Map<String, Object>>();
            for (Row r : rows) {
                var m = new LinkedHashMap<String, Object>();
                m.put("stage", r.stage());
                m.put("result", r.result());
                if (r.fwId() != null) {
                    m.put("fw_id", Integer.toUnsignedLong(r.fwId()));
                }
                if (r.errorName() != null) {
                    var error = new LinkedHashMap<String, Object>();
                    error.put("name", r.errorName());
                    error.put("code", r.errorCode() == null ? null : String.format("0x%08X", r.errorCode()));
                    m.put("error", error);
                }
                if (r.detail() != null) {
                    m.put("detail", r.detail());
                }
                list.add(m);
            }
            var doc = new LinkedHashMap<String, Object>();
            doc.put("verdict", report.booted() ? "booted" : "failed");
            doc.put("stages", list);
            ImageJson.print(out, doc);
            return;
        }
        out.printf("%-20s %-8s %-22s %s%n", "STAGE", "FW_ID", "RESULT", "DETAIL");
        for (Row r : rows) {
            String result = r.errorName() == null ? r.result()
                    : r.errorName() + (r.errorCode() == null ? "" : String.format(" (0x%08X)", r.errorCode()));
            out.printf("%-20s %-8s %-22s %s%n", r.stage(), r.fwId() == null ? "-" : Integer.toUnsignedString(r.fwId()), result,
                    r.detail() == null ? "" : Text.oneLine(r.detail()));
        }
        out.println(report.booted() ? "verdict: booted" : "verdict: failed");
        out.flush();
    }
}
