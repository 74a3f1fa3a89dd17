package dev.farthing.disputes.model;

/** Who speaks: the claimant (the payer who disputes) or the respondent (the payee, a creator or merchant). */
public enum Party {
    CLAIMANT, RESPONDENT;

    public String wire() {
        return Wire.of(this);
    }
}
