package dev.carveout.zram;

/**
 * A top-level {@code set!NAME = command} line: zram-generator runs the command with {@code /bin/sh -c} on the machine
 * it runs on (the board), and evaluates what it prints as a size expression, which later sizes can use as NAME.
 */
public record SetVariable(String name, String command, String file, int line) {
}
