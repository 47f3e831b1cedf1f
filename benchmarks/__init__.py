"""``make bench``: browser timings and transfer sizes of the built site against a bare-Pyodide baseline."""
