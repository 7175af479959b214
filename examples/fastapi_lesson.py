"""The FastAPI lesson loopbench retells, as a server to measure: the same wait, three ways.

    uvicorn --app-dir examples fastapi_lesson:app --port 8000
    ./run-benchmarks.sh diagnose --target http://127.0.0.1:8000 --path async-sleep --ms 100

/async-sleep  `await asyncio.sleep` in `async def`: the waits overlap (lanes: unbounded)
/sync-sleep   `time.sleep` in a plain `def`: FastAPI runs it in a pool of 40 threads (lanes: 40)
/blocking     `time.sleep` inside `async def`: it blocks the only event loop (lanes: 1)
"""

import asyncio
import time

from fastapi import FastAPI

app = FastAPI()


@app.get("/async-sleep")
async def async_sleep(ms: int = 100):
    await asyncio.sleep(ms / 1000)
    return {"handler": "async-sleep", "delayMs": ms}


@app.get("/sync-sleep")
def sync_sleep(ms: int = 100):
    time.sleep(ms / 1000)
    return {"handler": "sync-sleep", "delayMs": ms}


@app.get("/blocking")
async def blocking(ms: int = 100):
    time.sleep(ms / 1000)  # blocks the event loop on purpose: the misuse
    return {"handler": "blocking", "delayMs": ms}
