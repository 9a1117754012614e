import { draftReportText, previousReportLabel, reportTextToString, ReportText, MonthlyReport } from "../../../src/domain/report";
import { adjustment, amount, line, numbersIn, oktober, plain, september } from "./fixtures";

/** Sentences of the board paper (HSN, dagordning hösten 2020), quoted for their figures. */
const DOC = {
  september: {
    avvikelse:
      "Avvikelsen för Hälso- och sjukvårdsförvaltningen uppgick för perioden ack september 2020 till -119,3 Mkr, vilket är en försämring mot augustis tertialrapport med 17,3 Mkr.",
    stafett: "Andelen stafettkostnader i förhållande till kostnad egen personal är efter september 15,23 % för läkare och 2,88 % för Ssk.",
    atgarder: "Utfallet av de resultatförbättrande åtgärderna är t o m september 86,7 Mkr Mkr mot förväntade 114,9 Mkr.",
    justeringar: [
      "I utfallet finns upparbetade kostnader på 50,8 Mkr som skall bekostas av statliga stimulansmedel",
      "Vidare finns även kostnader på 60,4 Mkr som är kopplade till den rådande Coronapandemin.",
      "I regionens totala utfall finns även intäkter för provtagningar kopplade till pandemin på 32,8 Mkr, tillgänglighetsersättningar på 25,2 Mkr samt ersättning för sjuklöner",
      "på 14,1 Mkr som hanteras som en del av HSN:s resultat.",
      "Netto inklusive justeringar för nationella satsningar, och ersättningar för tillgänglighet, provtagningar och sjuklönekompensation är avvikelsen mot budget +3,6 Mkr.",
    ].join(" "),
    prognos:
      "Prognosen exkluderande nationella satsningar, corona och andra ersättningar som bokas mot Regionstyrelsen är lagd till -165,9 Mkr, vilket är en förbättring av årsprognosen sedan augustis tertialrapport med 1,8 Mkr.",
    sjukfranvaro:
      "Sjukfrånvaron är ack september 2020, 6,0 % totalt vilket är 1,2 % högre jämfört med motsvarande period 2019. Totalt har antalet sjuktimmar ökat med 51 076 timmar mot fg år.",
    produktion:
      "De indirekta vårdkontakterna har ökat med ca 42 400 st mot föregående år, och som kan ses som en första positiv signal. Vi ser även att kostnaden för web doktorer ökar, och är ack sept 1,9 Mkr högre än föregående år.",
  },
  oktober: {
    avvikelse:
      "Avvikelsen för Hälso- och sjukvårdsförvaltningen uppgick för perioden ack oktober 2020 till -131,6 Mkr, vilket är en försämring mot september månadsrapport med 12,3 Mkr.",
    stafett: "Andelen stafettkostnader i förhållande till kostnad egen personal är efter oktober 15,07 % för läkare och 2,89 % för Ssk.",
    atgarder: "Utfallet av de resultatförbättrande åtgärderna är t o m oktober 96,6 Mkr Mkr mot förväntade 141,3 Mkr.",
    prognos:
      "Prognosen exkluderande nationella satsningar, corona och andra ersättningar som bokas mot Regionstyrelsen är lagd till -182,9 Mkr, vilket är en försämring av årsprognosen sedan september månads rapport med 17 Mkr.",
    personal:
      "Den utförda tiden har ack oktober minskat motsvarande 66 ÅA medan antalet månadsavlönade har en minskning mot ack oktober på 105 månadsavlönade.",
    sjukfranvaro:
      "Sjukfrånvaron är ack oktober 2020, 6,0 % totalt vilket är 1,2 % högre jämfört med motsvarande period 2019. Totalt har antalet sjuktimmar ökat med 54 949 timmar mot fg år.",
    produktion:
      "De indirekta vårdkontakterna har ökat med ca 54 300 st mot föregående år. Vi ser även att kostnaden för web doktorer ökar, och är ack okt 2,1 Mkr högre än föregående år.",
  },
};

const paragraph = (t: ReportText, key: string) => {
  const p = t.paragraphs.find((x) => x.key === key);
  expect(p).toBeDefined();
  return p!.text;
};

describe("Månadsrapport september 2020, drafted", () => {
  const t = draftReportText(september());

  test("the heading", () => {
    expect(t.rubrik).toBe("Månadsrapport september 2020");
  });

  test("september 2020: −119,3 Mkr is 17,3 Mkr worse than August", () => {
    const text = paragraph(t, "avvikelse");
    expect(plain(text)).toBe(DOC.september.avvikelse);
    expect(text).toContain("−119,3\u00A0Mkr");
  });

  test("september 2020: agency share 15,23 % for physicians and 2,88 % for nurses", () => {
    expect(numbersIn(paragraph(t, "stafett"))).toEqual(numbersIn(DOC.september.stafett));
  });

  test("september 2020: measures 86,7 Mkr against expected 114,9 Mkr, 28,2 Mkr short", () => {
    const text = paragraph(t, "atgarder");
    expect(numbersIn(text).slice(0, 2)).toEqual(numbersIn(DOC.september.atgarder));
    expect(text).toContain("28,2\u00A0Mkr lägre än förväntat (75,5\u00A0%");
    expect(text).not.toContain("Mkr Mkr");
  });

  test("september 2020: the five adjustments and the net +3,6 Mkr, the pandemic costs left out", () => {
    const text = paragraph(t, "justeringar");
    expect(numbersIn(text)).toEqual(numbersIn(DOC.september.justeringar));
    expect(text).toContain("avvikelsen mot budget +3,6\u00A0Mkr.");
    expect(text).toContain("Pandemikostnader ingår inte i nettot.");
    expect(text).not.toContain("Avstämning");
  });

  test("september 2020: forecast −165,9 Mkr, 1,8 Mkr better than August's tertial report, word for word", () => {
    expect(plain(paragraph(t, "prognos"))).toBe(DOC.september.prognos);
  });

  test("september 2020: sick leave 6,0 %, 1,2 procentenheter higher than 2019, sick hours +51 076", () => {
    const text = paragraph(t, "sjukfranvaro");
    expect(numbersIn(text)).toEqual(numbersIn(DOC.september.sjukfranvaro));
    expect(text).toContain("1,2\u00A0procentenheter högre");
  });

  test("september 2020: indirect contacts up ca 42 400, web doctors 1,9 Mkr", () => {
    const text = paragraph(t, "produktion");
    expect(numbersIn(text)).toEqual(numbersIn(DOC.september.produktion));
    expect(plain(text)).toContain("De indirekta vårdkontakterna har ökat med ca 42 400 st mot föregående år.");
  });

  test("no lines, so no sentence on the largest deviations, and no staff paragraph", () => {
    expect(t.paragraphs.map((p) => p.key)).toEqual(["avvikelse", "stafett", "atgarder", "justeringar", "prognos", "sjukfranvaro", "produktion"]);
  });
});

describe("Månadsrapport oktober 2020, drafted", () => {
  const t = draftReportText(oktober());

  test("oktober 2020: −131,6 Mkr is 12,3 Mkr worse than September's monthly report", () => {
    const text = paragraph(t, "avvikelse");
    expect(numbersIn(text)).toEqual(numbersIn(DOC.oktober.avvikelse));
    expect(plain(text)).toContain("försämring mot septembers månadsrapport med 12,3 Mkr.");
  });

  test("oktober 2020: forecast −182,9 Mkr, 17 Mkr worse than September", () => {
    expect(numbersIn(paragraph(t, "prognos"))).toEqual(numbersIn(DOC.oktober.prognos));
  });

  test("oktober 2020: agency share and measures", () => {
    expect(numbersIn(paragraph(t, "stafett"))).toEqual(numbersIn(DOC.oktober.stafett));
    expect(numbersIn(paragraph(t, "atgarder")).slice(0, 2)).toEqual(numbersIn(DOC.oktober.atgarder));
  });

  test("oktober 2020: the text gives the recomputed net +15,2 Mkr and says the stated +10,4 Mkr does not add up", () => {
    const text = paragraph(t, "justeringar");
    expect(text).toContain("avvikelsen mot budget +15,2\u00A0Mkr.");
    expect(plain(text)).toContain(
      "Avstämning: avvikelsen netto efter justeringar anges till +10,4 Mkr, men -131,6 Mkr + 54,9 Mkr + 47,5 Mkr + 29,2 Mkr + 15,2 Mkr ger +15,2 Mkr.",
    );
  });

  test("oktober 2020: utförd tid −66 ÅA and 105 fewer monthly paid", () => {
    const text = paragraph(t, "personal");
    expect(numbersIn(text)).toEqual(numbersIn(DOC.oktober.personal));
    expect(plain(text)).toBe(
      "Den utförda tiden har minskat med 66 ÅA mot motsvarande period föregående år. Antalet månadsavlönade har minskat med 105 mot motsvarande period föregående år.",
    );
  });

  test("oktober 2020: sick leave and production", () => {
    expect(numbersIn(paragraph(t, "sjukfranvaro"))).toEqual(numbersIn(DOC.oktober.sjukfranvaro));
    expect(numbersIn(paragraph(t, "produktion"))).toEqual(numbersIn(DOC.oktober.produktion));
  });
});

describe("the draft from lines and other cases", () => {
  function withLines(): MonthlyReport {
    const m = september();
    m.rader = [
      line("Primärvård", "Personal", "612,0 Mkr", "630,3 Mkr"),
      line("Specialiserad vård", "Personal", "1 480,0 Mkr", "1 517,5 Mkr"),
      line("Specialiserad vård", "Läkemedel", "410,0 Mkr", "448,4 Mkr"),
      line("Specialiserad vård", "Köp av verksamhet", "240,0 Mkr", "276,2 Mkr"),
      line("Specialiserad vård", "Inhyrd personal", "15,0 Mkr", "44,5 Mkr"),
      line("Specialiserad vård", "Köpt vård", "120,0 Mkr", "115,4 Mkr"),
      line("Primärvård", "Intäkter", "245,0 Mkr", "281,0 Mkr", "intakt"),
    ];
    return m;
  }

  test("the largest deviations by cost type, worst first, as the paper lists them", () => {
    const text = paragraph(draftReportText(withLines()), "kostnadsslag");
    expect(plain(text)).toBe(
      "Största avvikelserna mot budget avser personal (-55,8 Mkr), läkemedel (-38,4 Mkr), köp av verksamhet (-36,2 Mkr) och inhyrd personal (-29,5 Mkr). " +
        "Positiv avvikelse mot budget visar intäkter (+36,0 Mkr) och köpt vård (+4,6 Mkr).",
    );
  });

  test("the deviation in the text is the sum of the lines", () => {
    const text = paragraph(draftReportText(withLines()), "avvikelse");
    expect(plain(text)).toContain("till -119,3 Mkr");
  });

  test("the order of the lines does not change the text", () => {
    const a = withLines();
    const b = withLines();
    b.rader.reverse();
    expect(reportTextToString(draftReportText(b))).toBe(reportTextToString(draftReportText(a)));
  });

  test("lines that do not add up to the stated deviation: the text says so", () => {
    const m = withLines();
    m.rader[0].utfall = amount("640,3 Mkr");
    const text = paragraph(draftReportText(m), "avvikelse");
    expect(plain(text)).toContain("till -129,3 Mkr");
    expect(plain(text)).toContain("Avstämning: avvikelsen ack september 2020 anges till -119,3 Mkr, men summan av 7 delar ger -129,3 Mkr.");
  });

  test("an improvement, a deduction and an unchanged forecast", () => {
    const m = september();
    m.forandringAvvikelse = amount("+2,0 Mkr");
    m.forandringPrognos = amount("0 Mkr");
    m.justeringar.push(adjustment("ovrig", "3,6 Mkr", -1, "Engångsintäkt från försäkring"));
    m.netto = amount("0,0 Mkr");
    const t = draftReportText(m);
    expect(plain(paragraph(t, "avvikelse"))).toContain("vilket är en förbättring mot augustis tertialrapport med 2,0 Mkr.");
    expect(plain(paragraph(t, "prognos"))).toContain("vilket är oförändrat mot augustis tertialrapport.");
    const adj = plain(paragraph(t, "justeringar"));
    expect(adj).toContain("och engångsintäkt från försäkring på 3,6 Mkr.");
    expect(adj).toContain("Netto inklusive justeringar för nationella satsningar, provtagningar, tillgänglighet och sjuklönekompensation samt avdrag för engångsintäkt från försäkring är avvikelsen mot budget 0,0 Mkr.");
  });

  test("adjustments all left out of the net: the net equals the gross deviation", () => {
    const m = september();
    m.justeringar.forEach((a) => (a.tecken = 0));
    m.netto = amount("−119,3 Mkr");
    const adj = plain(paragraph(draftReportText(m), "justeringar"));
    expect(adj).toContain("Netto är avvikelsen mot budget -119,3 Mkr.");
    expect(adj).toContain("Nationella satsningar, pandemikostnader, provtagningar, tillgänglighet och sjuklönekompensation ingår inte i nettot.");
  });

  test("the previous report's label in the genitive", () => {
    expect(previousReportLabel({ period: { year: 2020, month: 8 }, typ: "tertialrapport" })).toBe("augustis tertialrapport");
    expect(previousReportLabel({ period: { year: 2020, month: 3 }, typ: "manadsrapport" })).toBe("mars månadsrapport");
    expect(previousReportLabel({ period: { year: 2020, month: 6 }, typ: "delarsrapport" })).toBe("junis delårsrapport");
  });

  test("the unit label follows the report: mkr where the workbook writes it so", () => {
    const m = september();
    m.unitLabel = "mkr";
    expect(paragraph(draftReportText(m), "avvikelse")).toContain("−119,3\u00A0mkr");
  });

  test("deterministic: the same report gives the same text", () => {
    expect(reportTextToString(draftReportText(oktober()))).toBe(reportTextToString(draftReportText(oktober())));
  });
});
