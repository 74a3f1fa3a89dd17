package dev.farthing.simulator.attack;

/**
 * One attack pattern. {@link #run} plays one campaign starting at {@code startNanos}; all of its sizes, rates
 * and disguises are drawn from the crew's random stream, so every seed sees different campaigns.
 */
interface Campaign {

    String scenario();

    void run(Crew crew, long startNanos);
}
