/**
 * Generating tokens from a causal language model: {@link dev.kiln.runtime.generation.Generator} keeps each
 * attention layer's keys and values for the positions seen and computes one position per new token;
 * {@link dev.kiln.runtime.generation.Sampling} says how the next token is chosen from its logits.
 */
package dev.kiln.runtime.generation;
