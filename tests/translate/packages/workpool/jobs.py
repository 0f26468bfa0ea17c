from workpool import config


def make_jobs(n=config.JOBS):
    jobs = []
    for i in range(n):
        jobs.append((i, config.BASE_DELAY * (i % 3 + 1)))
    return jobs


def score(job_id, delay) -> int:
    return job_id * 10 + int(delay * 1000)
