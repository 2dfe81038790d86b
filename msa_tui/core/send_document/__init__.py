"""Sending documents to the MSA: the wizard's steps, file checks, the send sequence and the receipt."""
