from yingji.emergency.tests import conftest as emergency

call = emergency.call  # call(user, method, path, body) → (status, json)
