package dev.kiln.runtime.io;

/** A tensor as a safetensors header describes it; {@code begin} and {@code end} are absolute file offsets. */
record SafetensorsEntry(String name, String dtype, long[] shape, long begin, long end) {}
