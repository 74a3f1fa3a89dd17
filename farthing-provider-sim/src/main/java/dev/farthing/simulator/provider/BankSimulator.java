package dev.farthing.simulator.provider;

import dev.farthing.simulator.provider.CamtWriter.Entry;
import dev.farthing.simulator.provider.CamtWriter.EntryKind;
import dev.farthing.simulator.provider.SimConfig.CorridorFee;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

/**
 * A bank on the other side of the ISO 20022 files: it collects pain.001 files from the customer's outbox, books
 * each credit transfer (a debit, its corridor fee as a separate CHRG entry, and for a share of them a return
 * credit a day later with reason AC04), drops a camt.054 notification per collected file into the inbox, and a
 * camt.053 statement of a day's bookings on request. Seeded; same files and seed, same bookings.
 */
public final class BankSimulator {

    /** How the bank behaves. */
    public record Knobs(String accountIban, List<CorridorFee> corridors, double returnRate, int valueDateLagDays) {
        public Knobs {
            corridors = List.copyOf(corridors);
            if (!(returnRate >= 0 && returnRate <= 1) || valueDateLagDays < 0) {
                throw new IllegalArgumentException("returnRate in [0, 1], lag non-negative");
            }
        }
    }

    private final Knobs knobs;
    private final Random random;
    private final List<Entry> booked = new ArrayList<>();
    private final Map<String, Long> openingBalance = new HashMap<>();
    private int nextRef = 1;
    private int nextFile = 1;

    public BankSimulator(Knobs knobs, long seed) {
        this.knobs = knobs;
        this.random = new Random(seed);
    }

    /** Collects every pain.001 in {@code outbox} (moved to {@code outbox/collected/}), books it on {@code day}. */
    public synchronized int collect(Path outbox, Path inbox, LocalDate day, Instant now) {
        int transfers = 0;
        for (Path file : pain001Files(outbox)) {
            List<Entry> notified = new ArrayList<>();
            for (Element tx : transactions(file)) {
                notified.addAll(book(tx, day));
                transfers++;
            }
            move(file, outbox.resolve("collected").resolve(file.getFileName()));
            String msgId = "BANK-N-" + (nextFile++);
            write(inbox.resolve(msgId + ".xml"), CamtWriter.notification(msgId, now, knobs.accountIban(), notified));
        }
        return transfers;
    }

    /** Writes the camt.053 of {@code day}'s bookings into {@code inbox}; returns the file. */
    public synchronized Path statement(Path inbox, LocalDate day, Instant now) {
        List<Entry> ofDay = booked.stream().filter(e -> e.bookingDate().equals(day)).toList();
        String msgId = "BANK-S-" + day + "-" + (nextFile++);
        Map<String, Long> opening = new HashMap<>(openingBalance);
        Path target = inbox.resolve(msgId + ".xml");
        write(target, CamtWriter.statement(msgId, now, knobs.accountIban(), opening, ofDay));
        for (Entry e : ofDay) {
            openingBalance.merge(e.currency(), e.kind() == EntryKind.RETURN ? e.amountMinor() : -e.amountMinor(), Math::addExact);
        }
        return target;
    }

    /** Everything booked so far, in booking order: the bank's side of the books. */
    public synchronized List<Entry> booked() {
        return List.copyOf(booked);
    }

    private List<Entry> book(Element tx, LocalDate day) {
        Element pmtId = child(tx, "PmtId");
        String instrId = text(child(pmtId, "InstrId"));
        String e2e = text(child(pmtId, "EndToEndId"));
        Element instd = child(child(tx, "Amt"), "InstdAmt");
        String ccy = instd.getAttribute("Ccy");
        BigDecimal major = new BigDecimal(instd.getTextContent().strip());
        int scale = java.util.Currency.getInstance(ccy).getDefaultFractionDigits();
        long amount = major.movePointRight(scale).longValueExact();
        String country = text(child(child(child(child(tx, "CdtrAgt"), "FinInstnId"), "PstlAdr"), "Ctry"));
        CorridorFee fee = knobs.corridors().stream().filter(c -> c.currency().equals(ccy) && c.country().equals(country))
                .findFirst().orElse(null);
        LocalDate valueDate = day.plusDays(knobs.valueDateLagDays());
        List<Entry> out = new ArrayList<>();
        out.add(entry(EntryKind.PAYOUT, ccy, scale, amount, day, valueDate, e2e, instrId, null, "credit transfer " + e2e));
        long feeMinor = fee == null ? 0 : fee.feeFor(amount);
        if (feeMinor > 0) {
            out.add(entry(EntryKind.FEE, ccy, scale, feeMinor, day, valueDate, e2e, instrId, null, "charges for " + e2e));
        }
        if (random.nextDouble() < knobs.returnRate()) {
            out.add(entry(EntryKind.RETURN, ccy, scale, amount, day, valueDate, e2e, instrId, "AC04", "returned " + e2e));
        }
        booked.addAll(out);
        return out;
    }

    private Entry entry(EntryKind kind, String ccy, int scale, long amount, LocalDate day, LocalDate valueDate,
                        String e2e, String instrId, String reason, String info) {
        int ref = nextRef++;
        return new Entry("N" + ref, "BNK" + day.toString().replace("-", "") + "-" + ref, kind, ccy, scale, amount,
                day, valueDate, e2e, instrId, reason, info);
    }

    private static List<Element> transactions(Path file) {
        Document doc;
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            doc = f.newDocumentBuilder().parse(file.toFile());
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new IllegalArgumentException("the bank cannot read " + file + ": " + e.getMessage(), e);
        }
        List<Element> txs = new ArrayList<>();
        Element root = child(doc.getDocumentElement(), "CstmrCdtTrfInitn");
        for (Node p = root.getFirstChild(); p != null; p = p.getNextSibling()) {
            if (p instanceof Element pmtInf && "PmtInf".equals(pmtInf.getLocalName())) {
                for (Node t = pmtInf.getFirstChild(); t != null; t = t.getNextSibling()) {
                    if (t instanceof Element tx && "CdtTrfTxInf".equals(tx.getLocalName())) {
                        txs.add(tx);
                    }
                }
            }
        }
        return txs;
    }

    private static Element child(Element parent, String name) {
        if (parent == null) {
            return null;
        }
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && name.equals(e.getLocalName())) {
                return e;
            }
        }
        return null;
    }

    private static String text(Element e) {
        return e == null ? null : e.getTextContent().strip();
    }

    private static List<Path> pain001Files(Path outbox) {
        if (!Files.isDirectory(outbox)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(outbox)) {
            return s.filter(Files::isRegularFile).filter(p -> p.getFileName().toString().endsWith(".xml")
                    && !p.getFileName().toString().startsWith(".")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void move(Path from, Path to) {
        try {
            Files.createDirectories(to.getParent());
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Like a bank's drop: a temporary name, then an atomic rename, so the customer never reads half a file. */
    static void write(Path target, byte[] content) {
        try {
            Files.createDirectories(target.getParent());
            Path temp = target.resolveSibling("." + target.getFileName() + ".part");
            Files.write(temp, content);
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
