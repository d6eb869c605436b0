// The checker's messages for the trainer: in Indonesian, placed on a line.
import { describe, expect, it } from "vitest";
import { inIndonesian, lineOfPath, splitMessages } from "../../server/authoring.js";

describe("checker messages in the console", () => {
  it("says the checker's messages in Indonesian", () => {
    expect(inIndonesian("Too big: expected number to be <=5")).toBe("terlalu besar: paling banyak 5");
    expect(inIndonesian("expected 4 options, got 3")).toBe("harus ada 4 pilihan, tertulis 3");
    expect(inIndonesian("unknown field 'titel'")).toBe("kolom tidak dikenal 'titel' (periksa ejaan dan indentasi)");
    expect(inIndonesian("too long: 1300 characters, at most 1200")).toBe("terlalu panjang: 1300 karakter, paling banyak 1200");
    expect(inIndonesian("something new")).toBe("something new");
  });

  it("places a path on its line, or on its nearest parent when the field is missing", () => {
    const src = ["id: p", "events:", "  - id: a", "    title:", "      id: Judul", "    options:", "      - prime: vision"].join("\n");
    expect(lineOfPath(src, "events[0].title.id")).toBe(5);
    expect(lineOfPath(src, "events[0].options")).toBe(6);
    expect(lineOfPath(src, "events[0].condition")).toBe(3);
    expect(lineOfPath(src, "(top)")).toBe(1);
  });

  it("splits `file: where: message` and keeps a YAML error's own line", () => {
    const [m] = splitMessages(["x.yaml: line 4, column 2: YAML syntax error: bad indentation"], "x.yaml", "a: 1\n");
    expect(m).toMatchObject({ file: "x.yaml", line: 4, pesan: "kesalahan penulisan YAML: bad indentation" });
  });
});
