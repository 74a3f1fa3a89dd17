package dev.farthing.customers.analytics;

import java.util.HashMap;
import java.util.Map;

/** Country → world region (UN M49 macro-regions, simplified), the first generalisation of a country in exports. */
final class Regions {
    private static final Map<String, String> REGION = new HashMap<>();

    static {
        put("europe", "AD AL AT BA BE BG BY CH CY CZ DE DK EE ES FI FO FR GB GG GI GR HR HU IE IM IS IT JE LI LT LU LV"
                + " MC MD ME MK MT NL NO PL PT RO RS RU SE SI SK SM UA VA XK");
        put("americas", "AG AI AR AW BB BL BM BO BQ BR BS BZ CA CL CO CR CU CW DM DO EC GD GF GP GT GY HN HT JM KN KY LC"
                + " MF MQ MS MX NI PA PE PM PR PY SR SV SX TC TT US UY VC VE VG VI");
        put("asia", "AE AF AM AZ BD BH BN BT CN GE HK ID IL IN IQ IR JO JP KG KH KP KR KW KZ LA LB LK MM MN MO MV MY NP"
                + " OM PH PK PS QA SA SG SY TH TJ TL TM TR TW UZ VN YE");
        put("africa", "AO BF BI BJ BW CD CF CG CI CM CV DJ DZ EG EH ER ET GA GH GM GN GQ GW KE KM LR LS LY MA MG ML MR"
                + " MU MW MZ NA NE NG RE RW SC SD SH SL SN SO SS ST SZ TD TG TN TZ UG YT ZA ZM ZW");
        put("oceania", "AS AU CK FJ FM GU KI MH MP NC NF NR NU NZ PF PG PN PW SB TK TO TV VU WF WS");
    }

    private Regions() {
    }

    private static void put(String region, String countries) {
        for (String c : countries.split(" ")) {
            REGION.put(c, region);
        }
    }

    static String of(String country) {
        return REGION.getOrDefault(country, "other");
    }
}
