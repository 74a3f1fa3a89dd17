package dev.farthing.settlement.connector.iso20022;

import java.util.Objects;

/**
 * The account payouts are paid from, as the pain.001 names it.
 *
 * @param holderName    the debtor (and initiating party), as the bank knows it
 * @param iban          the debtor account
 * @param bic           the debtor agent (the bank), ISO 9362
 */
public record BankAccount(String holderName, String iban, String bic) {

    public BankAccount {
        Objects.requireNonNull(holderName, "holderName");
        if (iban == null || !iban.matches("[A-Z]{2,2}[0-9]{2,2}[a-zA-Z0-9]{1,30}")) {
            throw new IllegalArgumentException("not an IBAN: " + iban);
        }
        if (bic == null || !bic.matches("[A-Z0-9]{4,4}[A-Z]{2,2}[A-Z0-9]{2,2}([A-Z0-9]{3,3}){0,1}")) {
            throw new IllegalArgumentException("not a BIC: " + bic);
        }
        if (holderName.isBlank() || holderName.length() > 140) {
            throw new IllegalArgumentException("holder name must have 1..140 characters");
        }
    }
}
