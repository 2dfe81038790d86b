"""The panes and dialogs of the send-a-document wizard (one pane per step)."""
