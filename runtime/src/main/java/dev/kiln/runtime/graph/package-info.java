/**
 * What a generated model computes, step by step, for tools that translate it (the ONNX exporter): each
 * {@link dev.kiln.runtime.Layer} lists its {@link dev.kiln.runtime.graph.Operation}s, and
 * {@link dev.kiln.runtime.KilnModel#readout} says how its probabilities follow from its output.
 */
package dev.kiln.runtime.graph;
