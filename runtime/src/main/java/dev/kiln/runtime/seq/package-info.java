/**
 * Sequence layers: token embeddings, learned positions, multi-head self-attention, the Transformer encoder
 * layer and pooling over positions, with PyTorch's numerics ({@code nn.Embedding},
 * {@code nn.MultiheadAttention}, {@code nn.TransformerEncoderLayer}). A batch of sequences is [rows x
 * length x dim] row-major, as {@code batch_first=True} lays it out; the products over all positions of a
 * batch go through the Linear kernels, so they take the Vector API path where the rest of the model does.
 */
package dev.kiln.runtime.seq;
